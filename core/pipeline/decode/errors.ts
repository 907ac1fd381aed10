/** Why a file could not be turned into an image. The page shows `message` to the reader as-is,
 *  so messages are whole sentences in plain words; `code` is for programs (tests, training logs);
 *  whatever a library threw is kept as `cause` for logs, never pasted into the message. */
export type ImageDecodeErrorCode =
  | 'empty'
  | 'unknown-format'
  | 'truncated'
  | 'corrupt'
  | 'unsupported-transfer-syntax'
  | 'no-pixel-data'
  | 'not-an-image'
  | 'too-large'
  | 'too-small'
  | 'unsupported';

export class ImageDecodeError extends Error {
  constructor(
    public code: ImageDecodeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImageDecodeError';
  }
}

/** Text of whatever a third-party decoder threw (dicom-parser throws bare strings and objects). */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (thrown && typeof thrown === 'object' && 'exception' in thrown) {
    return describeThrown((thrown as { exception: unknown }).exception);
  }
  return String(thrown);
}
