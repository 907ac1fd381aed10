import { expect } from 'vitest';
import { ImageDecodeError, type ImageDecodeErrorCode } from '../../core/pipeline/decode/errors';

/** Runs `fn`, expecting an ImageDecodeError with `code` whose message reads as a sentence. */
export function expectDecodeError(fn: () => unknown, code: ImageDecodeErrorCode | ImageDecodeErrorCode[]): ImageDecodeError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a throw').toBeInstanceOf(ImageDecodeError);
  const error = thrown as ImageDecodeError;
  expect(Array.isArray(code) ? code : [code]).toContain(error.code);
  expectSentence(error.message);
  return error;
}

export function expectSentence(message: string): void {
  expect(message).toMatch(/^[A-Z][\s\S]{15,}[.]$/);
  expect(message).not.toMatch(/undefined|NaN|\[object /);
}

/** As expectDecodeError, for an async decode (e.g. decodeImage): awaits the rejection. */
export async function expectDecodeErrorAsync(
  fn: () => Promise<unknown>,
  code: ImageDecodeErrorCode | ImageDecodeErrorCode[],
): Promise<ImageDecodeError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a rejection').toBeInstanceOf(ImageDecodeError);
  const error = thrown as ImageDecodeError;
  expect(Array.isArray(code) ? code : [code]).toContain(error.code);
  expectSentence(error.message);
  return error;
}
