import type { PixelArray } from './types';

/**
 * What a decoder already knows about an image's samples (their range, that they are whole numbers),
 * remembered beside the pixel array so that later stages (the viewer's 16-bit copy) need not scan
 * millions of pixels again. Keyed by the array itself: a stage that makes new pixels has no entry.
 * Pixel arrays of decoded images are never changed in place, which is what makes this safe.
 */
export interface SampleRange {
  min: number;
  max: number;
  /** Every sample is a whole number. */
  integral: boolean;
  /** The same samples as unsigned integers, when the decoder had them anyway: the viewer shows these
   *  without converting millions of floats. Never changed in place either. */
  samples?: Uint8Array | Uint16Array;
}

const known = new WeakMap<PixelArray, SampleRange>();

export function noteSampleRange(data: PixelArray, range: SampleRange): void {
  known.set(data, range);
}

export function knownSampleRange(data: PixelArray): SampleRange | undefined {
  return known.get(data);
}
