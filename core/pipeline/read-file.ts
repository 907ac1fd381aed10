import { ImageDecodeError } from './decode/errors';
import { sniffFormat, type Sniffed } from './decode/sniff';

/** Largest file the page agrees to read: 128 MiB. The pixel budget (MAX_PIXELS, 50 MP) at 16 bits
 *  is 100 MB of uncompressed DICOM pixels, plus headers; PNG and JPEG are smaller still. A bigger
 *  file is refused from its size alone, before a single byte of it is copied into memory. */
export const MAX_FILE_BYTES = 128 * 2 ** 20;

/** Enough of the head to sniff every format we know (DICOM's 'DICM' sits at byte 128). */
const HEAD_BYTES = 4096;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);

/** The two cheap checks made before a file is read: its first bytes must look like something we may
 *  decode (a PDF or a GIF is named and refused unread), and its size must be within MAX_FILE_BYTES.
 *  Returns what the head looks like; throws ImageDecodeError with a sentence for the reader. */
export async function checkImageFile(file: Blob, fileName?: string, maxBytes = MAX_FILE_BYTES): Promise<Sniffed> {
  if (file.size === 0) throw new ImageDecodeError('empty', 'This file is empty (0 bytes).');
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const sniffed = sniffFormat(head, fileName);
  if (sniffed.kind === 'other') {
    throw new ImageDecodeError('unsupported', `This is a ${sniffed.name} file, which is not supported; please use a PNG, JPEG or DICOM image.`);
  }
  if (sniffed.kind === 'unknown') {
    throw new ImageDecodeError('unknown-format', 'Not a PNG, JPEG or DICOM image: the file content was not recognised.');
  }
  if (file.size > maxBytes) {
    throw new ImageDecodeError(
      'too-large',
      `This file is too large to open (${mb(file.size)} MB; the limit is ${mb(maxBytes)} MB). Please export a smaller image.`,
    );
  }
  return sniffed;
}
