import type { DataSet, Element } from './dicom-parser-module';
import type { PixelEncoding } from './dicom-transfer-syntax';
import { ImageDecodeError } from './errors';

/** The compressed bytes of the first frame of encapsulated pixel data (PS3.5 A.4): the fragments
 *  up to the second frame's start, found from the Basic Offset Table when there is one, else from
 *  where the next codestream begins (RLE keeps each frame in one fragment). */
export function firstFrameBytes(ds: DataSet, element: Element, numberOfFrames: number, encoding: PixelEncoding): Uint8Array {
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) {
    throw new ImageDecodeError('corrupt', 'This DICOM file says its pixels are compressed but holds no compressed data; the file is damaged.');
  }
  const size = ds.byteArray.length;
  for (const f of fragments) {
    if (f.position + f.length > size) {
      throw new ImageDecodeError('truncated', 'The compressed pixel data of this DICOM file is incomplete (the file ends too early); it may have been cut off.');
    }
  }
  let count = fragments.length;
  if (numberOfFrames > 1) {
    const table = element.basicOffsetTable ?? [];
    if (table.length > 1) {
      count = fragments.filter((f) => f.offset < table[1]).length;
    } else if (encoding === 'rle') {
      count = 1;
    } else {
      const next = fragments.findIndex((f, i) => i > 0 && startsCodestream(ds.byteArray, f.position));
      if (next > 0) count = next;
    }
  }
  if (count === 1) return ds.byteArray.subarray(fragments[0].position, fragments[0].position + fragments[0].length);
  const total = fragments.slice(0, count).reduce((n, f) => n + f.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const f of fragments.slice(0, count)) {
    out.set(ds.byteArray.subarray(f.position, f.position + f.length), at);
    at += f.length;
  }
  return out;
}

/** JPEG / JPEG-LS start-of-image, a JPEG 2000 codestream (SOC SIZ) or a JP2 box signature. */
function startsCodestream(bytes: Uint8Array, at: number): boolean {
  const b = (i: number) => bytes[at + i];
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return true;
  if (b(0) === 0xff && b(1) === 0x4f && b(2) === 0xff && b(3) === 0x51) return true;
  return b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) === 0x0c && b(4) === 0x6a && b(5) === 0x50;
}
