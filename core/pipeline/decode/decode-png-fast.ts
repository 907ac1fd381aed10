import { noteSampleRange } from '../sample-range';
import type { DecodedImage } from '../types';
import { readPngHeader } from './png-header';

/**
 * A faster path for the PNGs radiographs come as: 8- or 16-bit gray, not interlaced, no transparency.
 * The deflate stream is inflated by the platform's native zlib (DecompressionStream, in browsers and
 * Node ≥ 18) instead of JavaScript, and the samples stay integers (Uint8Array or Uint16Array, not
 * float). On a 2000×2500 radiograph this takes a fraction of fast-png's time.
 *
 * The result is the same as decodePng's, value for value (decodePng's are floats). Returns null for
 * any other PNG, and for any PNG it cannot read completely: the caller then uses decodePng, whose
 * messages explain what is wrong.
 */
export async function decodePngFast(bytes: Uint8Array): Promise<DecodedImage | null> {
  if (typeof DecompressionStream !== 'function') return null;
  let header;
  try {
    header = readPngHeader(bytes);
  } catch {
    return null;
  }
  const { width, height, bitDepth, colorType } = header;
  if (colorType !== 0 || (bitDepth !== 8 && bitDepth !== 16)) return null;
  const idat = gatherImageData(bytes);
  if (!idat) return null;
  const bpp = bitDepth / 8;
  const stride = width * bpp;
  let raw: Uint8Array;
  try {
    raw = await inflate(idat, height * (stride + 1));
  } catch {
    return null;
  }
  const gray = raw.length === height * (stride + 1) ? unfilterToGray(raw, width, height, bpp) : null;
  returnScratch(raw);
  if (!gray) return null;
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

/** The IDAT chunks' data, concatenated; null when the file is interlaced or has transparency (the
 *  slow path handles and reports those). The chunk chain was already checked by readPngHeader. */
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

/** zlib stream → bytes, natively; refuses to produce more than `limit` bytes (a deflate bomb). */
async function inflate(data: Uint8Array, limit: number): Promise<Uint8Array> {
  // A stream straight from memory: a Blob's stream would go through the browser's blob store and wait on it.
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const stream = source.pipeThrough(new DecompressionStream('deflate') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  const out = takeScratch(limit);
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > limit) {
      await reader.cancel();
      throw new Error('more image data than the header allows');
    }
    out.set(value, offset);
    offset += value.length;
  }
  return offset === limit ? out : out.subarray(0, offset);
}

/** One inflate buffer kept between decodes: its contents are copied out (gatherBytes/Words) before the
 *  next decode can take it, and fresh memory is slow to touch on some machines (a virtual machine's
 *  first touch of a page: ~10 ms per MB on the one the benchmarks ran on). Kept only up to 32 MB. */
let scratch: Uint8Array | null = null;
const KEEP_SCRATCH_BYTES = 32 * 2 ** 20;

/** A buffer of `size` bytes: the kept one when it is free and large enough, else a new one. */
function takeScratch(size: number): Uint8Array {
  const kept = scratch;
  scratch = null; // a decode running alongside (two files dropped together) gets its own
  return kept && kept.length >= size ? kept.subarray(0, size) : new Uint8Array(size);
}

function returnScratch(buffer: Uint8Array): void {
  const whole = new Uint8Array(buffer.buffer);
  if (whole.length <= KEEP_SCRATCH_BYTES && (!scratch || scratch.length < whole.length)) scratch = whole;
}

/** Undoes the PNG row filters in place, then gathers the samples (kept as integers: a float copy would
 *  be four times their size, and on some machines fresh memory is what a decode costs most) and their
 *  range. */
function unfilterToGray(
  raw: Uint8Array,
  width: number,
  height: number,
  bpp: number,
): { samples: Uint8Array | Uint16Array; min: number; max: number } | null {
  if (!unfilterRows(raw, width * bpp, height, bpp)) return null;
  const samples = bpp === 1 ? gatherBytes(raw, width, height) : gatherWords(raw, width, height);
  return { samples, ...rangeOf(samples) };
}

/** Undoes each row's filter in place; false when a row names no PNG filter (a damaged file). */
function unfilterRows(raw: Uint8Array, stride: number, height: number, bpp: number): boolean {
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    const prev = row - (stride + 1); // the previous row's first sample (unused for y = 0)
    switch (raw[row - 1]) {
      case 0:
        break;
      case 1:
        unfilterSub(raw, row, stride, bpp);
        break;
      case 2:
        if (y > 0) unfilterUp(raw, row, prev, stride);
        break;
      case 3:
        unfilterAverage(raw, row, prev, stride, bpp, y > 0);
        break;
      case 4:
        // No row above: Paeth(a, 0, 0) = a, i.e. the Sub filter.
        if (y === 0) unfilterSub(raw, row, stride, bpp);
        else unfilterPaeth(raw, row, prev, stride, bpp);
        break;
      default:
        return false;
    }
  }
  return true;
}

function unfilterSub(raw: Uint8Array, row: number, stride: number, bpp: number): void {
  for (let i = bpp; i < stride; i++) raw[row + i] = (raw[row + i] + raw[row + i - bpp]) & 255;
}

function unfilterUp(raw: Uint8Array, row: number, prev: number, stride: number): void {
  for (let i = 0; i < stride; i++) raw[row + i] = (raw[row + i] + raw[prev + i]) & 255;
}

function unfilterAverage(raw: Uint8Array, row: number, prev: number, stride: number, bpp: number, hasAbove: boolean): void {
  // The first pixel has no left neighbour (0), the first row no row above (0): handled outside the
  // inner loops, which then run without branches (this and Paeth are most of a real file).
  if (hasAbove) {
    for (let i = 0; i < bpp; i++) raw[row + i] = (raw[row + i] + (raw[prev + i] >> 1)) & 255;
    for (let i = bpp; i < stride; i++) raw[row + i] = (raw[row + i] + ((raw[row + i - bpp] + raw[prev + i]) >> 1)) & 255;
  } else {
    for (let i = bpp; i < stride; i++) raw[row + i] = (raw[row + i] + (raw[row + i - bpp] >> 1)) & 255;
  }
}

function unfilterPaeth(raw: Uint8Array, row: number, prev: number, stride: number, bpp: number): void {
  // No left neighbour: Paeth(0, b, 0) = b, i.e. the Up filter.
  for (let i = 0; i < bpp; i++) raw[row + i] = (raw[row + i] + raw[prev + i]) & 255;
  for (let i = bpp; i < stride; i++) {
    const a = raw[row + i - bpp];
    const b = raw[prev + i];
    const c = raw[prev + i - bpp];
    // p = a + b − c; |p − a| = |b − c|, |p − b| = |a − c|, |p − c| = |a + b − 2c|.
    const pa = Math.abs(b - c);
    const pb = Math.abs(a - c);
    const pc = Math.abs(a + b - 2 * c);
    raw[row + i] = (raw[row + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
  }
}

/** 8-bit rows without their filter bytes. */
function gatherBytes(raw: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1) + 1;
    out.set(raw.subarray(row, row + width), y * width);
  }
  return out;
}

/** 16-bit big-endian rows without their filter bytes. */
function gatherWords(raw: Uint8Array, width: number, height: number): Uint16Array {
  const out = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * (2 * width + 1) + 1;
    const o = y * width;
    for (let x = 0; x < width; x++) out[o + x] = (raw[row + 2 * x] << 8) | raw[row + 2 * x + 1];
  }
  return out;
}

function rangeOf(a: Uint8Array | Uint16Array): { min: number; max: number } {
  if (a.length === 0) return { min: Infinity, max: -Infinity };
  let min = 65535;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    min = v < min ? v : min;
    max = v > max ? v : max;
  }
  return { min, max };
}
