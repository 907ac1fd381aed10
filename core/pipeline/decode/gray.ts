import type { PixelArray } from '../types';

/** Shared pixel helpers for the decoders: colour → gray and the fallback display window. */

/** ITU-R BT.601 luma, the weighting radiology viewers use when flattening colour to gray. */
export function luminance(r: number, g: number, b: number): number {
  // Gray pixels pass through untouched so that gray-in-colour files decode exactly.
  if (r === g && g === b) return r;
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

export interface Interleaved {
  data: ArrayLike<number>;
  /** Samples per pixel: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
  channels: number;
  pixelCount: number;
  /** Value of a fully opaque alpha sample (255 or 65535). */
  opaqueAlpha: number;
}

export interface GrayResult {
  gray: Float32Array;
  /** Some pixel had R, G, B not all equal: converting lost colour information. */
  coloured: boolean;
  /** Some pixel had alpha below opaque: transparency was ignored. */
  translucent: boolean;
}

/** Flattens interleaved gray/gray+alpha/RGB/RGBA samples to one gray channel; alpha is ignored. */
export function interleavedToGray(src: Interleaved): GrayResult {
  const { data, channels, pixelCount, opaqueAlpha } = src;
  const gray = new Float32Array(pixelCount);
  const colour = channels >= 3;
  const alphaAt = channels === 2 || channels === 4 ? channels - 1 : -1;
  let coloured = false;
  let translucent = false;
  for (let i = 0, j = 0; i < pixelCount; i++, j += channels) {
    if (colour) {
      const r = data[j], g = data[j + 1], b = data[j + 2];
      if (r !== g || g !== b) coloured = true;
      gray[i] = luminance(r, g, b);
    } else {
      gray[i] = data[j];
    }
    if (alphaAt >= 0 && data[j + alphaAt] !== opaqueAlpha) translucent = true;
  }
  return { gray, coloured, translucent };
}

/** Display window spanning the data (center/width as in DICOM, width at least 1). */
export function minMaxWindow(data: PixelArray): { center: number; width: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) return { center: 0, width: 1 };
  return { center: (min + max) / 2, width: Math.max(max - min, 1) };
}

export const COLOUR_NOTICE = 'Colour image converted to grayscale.';
export const ALPHA_NOTICE = 'The image has transparency; it was ignored (pixels shown as if fully opaque).';
