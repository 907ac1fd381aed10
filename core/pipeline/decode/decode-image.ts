import type { DecodedImage } from '../types';
import { CodecNotLoadedError, isCodecLoaded, loadCodec, type WasmCodec } from './codecs/wasm-codecs';
import { decodeDicom } from './decode-dicom';
import { decodeJpeg } from './decode-jpeg';
import { decodePng } from './decode-png';
import { peekTransferSyntax } from './dicom-file';
import { SUPPORTED_TRANSFER_SYNTAXES } from './dicom-transfer-syntax';
import { ImageDecodeError } from './errors';
import { sniffFormat } from './sniff';
import { decodePngFast } from './decode-png-fast';

/** Decodes a PNG, JPEG or DICOM file (any supported transfer syntax) to a gray image, loading the
 *  WebAssembly codec a compressed DICOM needs on first use. The format is taken from the content
 *  (magic bytes), never trusted from the name, except to try a DICOM without its header.
 *  Rejects with ImageDecodeError, whose message is meant for the person who chose the file. */
export async function decodeImage(bytes: Uint8Array, fileName?: string): Promise<DecodedImage> {
  // Gray PNGs inflate with the platform's native zlib (decode-png-fast.ts): same result, several times
  // faster on a radiograph. Anything it does not take, or cannot read, goes the usual way and gets its errors.
  if (bytes.length > 0 && sniffFormat(bytes, fileName).kind === 'png') {
    const fast = await decodePngFast(bytes).catch(() => null);
    if (fast) return fast;
  }
  await prepareDecoders(bytes, fileName);
  return decodeImageSync(bytes, fileName);
}

/** Loads the codec this file will need, if any. Never rejects for a bad file: decoding says why. */
export async function prepareDecoders(bytes: Uint8Array, fileName?: string): Promise<void> {
  const codec = wasmCodecFor(bytes, fileName);
  if (codec && !isCodecLoaded(codec)) await loadCodec(codec);
}

function wasmCodecFor(bytes: Uint8Array, fileName?: string): WasmCodec | undefined {
  const kind = bytes.length ? sniffFormat(bytes, fileName).kind : 'unknown';
  if (kind !== 'dicom' && kind !== 'bare-dicom' && kind !== 'maybe-dicom') return undefined;
  const uid = peekTransferSyntax(bytes);
  const encoding = uid ? SUPPORTED_TRANSFER_SYNTAXES.get(uid)?.encoding : undefined;
  return encoding === 'jpeg-dct' || encoding === 'jpeg-ls' || encoding === 'j2k' ? encoding : undefined;
}

/** Synchronous decoding: PNG, JPEG, and DICOM whose codec is pure JavaScript (uncompressed, 12-bit JPEG,
 *  deflated, RLE, JPEG Lossless) or already loaded. Training uses it for its PNG files. */
export function decodeImageSync(bytes: Uint8Array, fileName?: string): DecodedImage {
  try {
    return decodeByFormat(bytes, fileName);
  } catch (error) {
    if (error instanceof ImageDecodeError || error instanceof CodecNotLoadedError) throw error;
    // Safety net: whatever a library threw on a hostile file still reaches the reader as a sentence.
    throw new ImageDecodeError('corrupt', 'This file could not be read; it may be damaged.', { cause: error });
  }
}

function decodeByFormat(bytes: Uint8Array, fileName?: string): DecodedImage {
  if (bytes.length === 0) throw new ImageDecodeError('empty', 'This file is empty (0 bytes).');
  const sniffed = sniffFormat(bytes, fileName);
  switch (sniffed.kind) {
    case 'png':
      return decodePng(bytes);
    case 'jpeg':
      return decodeJpeg(bytes);
    case 'dicom':
    case 'bare-dicom':
      return decodeDicom(bytes);
    case 'maybe-dicom':
      return decodeNamedDicom(bytes);
    case 'other':
      throw new ImageDecodeError(
        'unsupported',
        `This is a ${sniffed.name} file, which is not supported; please use a PNG, JPEG or DICOM image.`,
      );
    case 'unknown':
      throw unknownFormat();
  }
}

function unknownFormat(): ImageDecodeError {
  return new ImageDecodeError('unknown-format', 'Not a PNG, JPEG or DICOM image: the file content was not recognised.');
}

/** Only the name says DICOM and nothing in the content does: if no sound image comes out, the
 *  file was most likely not DICOM at all, and any finer diagnosis would be a guess. */
function decodeNamedDicom(bytes: Uint8Array): DecodedImage {
  try {
    return decodeDicom(bytes);
  } catch (error) {
    if (error instanceof CodecNotLoadedError) throw error;
    throw new ImageDecodeError(
      'unknown-format',
      'Not a PNG, JPEG or DICOM image: the file has no DICOM signature and could not be read as a DICOM dataset either.',
      { cause: error },
    );
  }
}
