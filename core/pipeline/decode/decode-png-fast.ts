import { noteSampleRange } from '../sample-range';
import type { DecodedImage } from '../types';
import { GrayRowSink, type GraySamples } from './gray-row-sink';
import { readPngHeader, type PngHeader } from './png-header';

/**
 * A faster path for the PNGs radiographs come as: 8- or 16-bit gray, not interlaced, no transparency.
 * The deflate stream is inflated by the platform's native zlib (DecompressionStream, in browsers and
 * Node ≥ 18) instead of JavaScript, the rows are unfiltered as they come out of it, and the samples stay
 * integers (Uint8Array or Uint16Array, not float). On a 2000×2500 radiograph this takes a fraction of
 * fast-png's time. The page runs the same steps in a worker (src/decode-worker/), overlapped with itself.
 *
 * The result is the same as decodePng's, value for value (decodePng's are floats). Returns null for
 * any other PNG, and for any PNG it cannot read completely: the caller then uses decodePng, whose
 * messages explain what is wrong.
 */
export async function decodePngFast(bytes: Uint8Array): Promise<DecodedImage | null> {
  if (typeof DecompressionStream !== 'function') return null;
  const png = grayPngData(bytes);
  if (!png) return null;
  const sink = new GrayRowSink(png.header.width, png.header.height, png.header.bitDepth as 8 | 16);
  try {
    await inflateInSlices(png.idat, (rows) => {
      if (!sink.push(rows)) throw new Error('image data damaged or longer than the header allows');
    });
  } catch {
    return null;
  }
  const gray = sink.finish();
  return gray && grayPngImage(png.header, gray);
}

/** A PNG the fast path takes: its header and the IDAT chunks' data, concatenated. */
export interface GrayPngData {
  header: PngHeader;
  idat: Uint8Array;
}

/** The header and image data of an 8- or 16-bit gray, non-interlaced PNG without transparency within the
 *  pixel budget; null for anything else (the slow path handles and reports it). */
export function grayPngData(bytes: Uint8Array): GrayPngData | null {
  let header: PngHeader;
  try {
    header = readPngHeader(bytes); // also checks the pixel budget and that the chunk chain is whole
  } catch {
    return null;
  }
  if (header.colorType !== 0 || (header.bitDepth !== 8 && header.bitDepth !== 16)) return null;
  const idat = gatherImageData(bytes);
  return idat && { header, idat };
}

/** The DecodedImage of a gray PNG's samples, with the range noted for the viewer (sample-range.ts). */
export function grayPngImage(header: PngHeader, gray: GraySamples): DecodedImage {
  const { width, height, bitDepth } = header;
  noteSampleRange(gray.samples, { min: gray.min, max: gray.max, integral: true, samples: gray.samples });
  return {
    format: 'png',
    width,
    height,
    data: gray.samples,
    bitDepth,
    window: gray.max >= gray.min ? { center: (gray.min + gray.max) / 2, width: Math.max(gray.max - gray.min, 1) } : { center: 0, width: 1 },
    meta: { width, height, bitDepth, colorType: 'gray' },
    notices: [],
  };
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

/** The IDAT chunks' data, concatenated; null when the file is interlaced or has transparency. The chunk
 *  chain was already checked by readPngHeader. */
function gatherImageData(bytes: Uint8Array): Uint8Array | null {
  // IHDR compression and filter methods other than 0 are invalid; interlace method 1 is Adam7.
  if (bytes[26] !== 0 || bytes[27] !== 0 || bytes[28] !== 0) return null;
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (type === 'tRNS') return null;
    if (type === 'IDAT') {
      parts.push(bytes.subarray(at + 8, at + 8 + length));
      total += length;
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Input slices: small enough that output trickles out while the rest inflates, large enough to be cheap. */
const SLICE_BYTES = 64 * 1024;

/**
 * zlib stream → `onRows` calls with the inflated bytes, natively. The input goes in by slices, pulled one
 * at a time, so the first rows arrive long before the last are inflated: whoever consumes them (the
 * unfiltering sink, or a worker's messages to the page) works meanwhile. `onRows` may throw to stop.
 */
export async function inflateInSlices(data: Uint8Array, onRows: (rows: Uint8Array) => void): Promise<void> {
  let at = 0;
  // From memory: a Blob's stream would go through the browser's blob store and wait on it.
  const source = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= data.length) return controller.close();
        controller.enqueue(data.subarray(at, at + SLICE_BYTES));
        at += SLICE_BYTES;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = source.pipeThrough(new DecompressionStream('deflate') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onRows(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}
