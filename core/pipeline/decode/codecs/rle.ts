import { ImageDecodeError } from '../errors';
import type { DecodedFrame } from './decoded-frame';

const damaged = (why: string) => new ImageDecodeError('corrupt', `The RLE-compressed pixel data of this DICOM file is damaged: ${why}.`);

/** Decodes one DICOM RLE Lossless frame (PS3.5 Annex G): a 64-byte header of up to 15 segment
 *  offsets, each segment a PackBits byte stream. Segments come per sample, most significant byte
 *  first, so the output is planar native samples (RRR...GGG...BBB... for colour). */
export function decodeRle(frame: Uint8Array, width: number, height: number, samplesPerPixel: number, bitsAllocated: number): DecodedFrame {
  if (frame.length < 64) throw damaged('its segment table is missing');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segmentCount = view.getUint32(0, true);
  const bytesPerSample = bitsAllocated / 8;
  const expected = samplesPerPixel * bytesPerSample;
  if (segmentCount !== expected) {
    throw damaged(`it has ${segmentCount} segments where ${samplesPerPixel} sample(s) of ${bitsAllocated} bits need ${expected}`);
  }
  const pixelCount = width * height;
  const out = new Uint8Array(pixelCount * expected);
  for (let s = 0; s < segmentCount; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segmentCount ? view.getUint32(8 + 4 * s, true) : frame.length;
    if (start < 64 || end > frame.length || end < start) throw damaged('a segment offset points outside the frame');
    const sample = Math.floor(s / bytesPerSample);
    // Segment k of a sample holds its k-th most significant byte; native order is little endian.
    const byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
    unpackSegment(frame, start, end, out, sample * pixelCount * bytesPerSample + byteInSample, bytesPerSample, pixelCount);
  }
  const samples = bytesPerSample === 2 ? new Uint16Array(out.buffer) : out;
  return { width, height, components: samplesPerPixel, bitsPerSample: bitsAllocated, samples, planar: true };
}

/** PackBits: n in 0..127 copies the next n+1 bytes, n in -127..-1 repeats the next byte 1-n
 *  times, -128 is a no-op. Writes `count` bytes at out[base + k*stride]. */
function unpackSegment(src: Uint8Array, start: number, end: number, out: Uint8Array, base: number, stride: number, count: number): void {
  let at = start;
  let k = 0;
  while (k < count) {
    if (at >= end) throw damaged('a segment ends before the image is complete');
    const n = (src[at++] << 24) >> 24;
    if (n >= 0) {
      if (at + n + 1 > end || k + n + 1 > count) throw damaged('a literal run overruns its segment');
      for (let i = 0; i <= n; i++) out[base + (k++) * stride] = src[at++];
    } else if (n !== -128) {
      if (at >= end || k + 1 - n > count) throw damaged('a repeat run overruns its segment');
      const value = src[at++];
      for (let i = 0; i < 1 - n; i++) out[base + (k++) * stride] = value;
    }
  }
}
