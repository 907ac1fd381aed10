import type { GrayImage } from '../../core/pipeline/types';
export { resampleArea } from '../../core/pipeline/resample-area';

/** Image edits the full-resolution gap study (fullres-gap.ts) tries before the page's preprocessing,
 *  one hypothesis each. Pure functions on GrayImage; none of them is part of the page. */

/** The image without its first `left` columns and `top` rows: shifts the grid a resize samples on. */
export function cropOffset(img: GrayImage, left: number, top: number): GrayImage {
  const width = img.width - left, height = img.height - top;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y + top) * img.width + left, (y + top + 1) * img.width), y * width);
  return { width, height, data };
}

/** The image inside a border of `fraction` × its size on every side, filled with `value`: the
 *  hand then covers less of the frame, as in a radiograph that was not cropped to the hand. */
export function padImage(img: GrayImage, fraction: number, value = 0): GrayImage {
  const px = Math.round(img.width * fraction), py = Math.round(img.height * fraction);
  const width = img.width + 2 * px, height = img.height + 2 * py;
  const data = new Float32Array(width * height).fill(value);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + py) * width + px);
  return { width, height, data };
}

/** The value at quantile q (0–1) of the pixels. */
export function quantile(data: Float32Array, q: number): number {
  const sorted = Float32Array.from(data).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))];
}

/** Every pixel at or below `threshold` (the removed background) set to `level`. */
export function liftBackground(img: GrayImage, threshold: number, level: number): GrayImage {
  const data = Float32Array.from(img.data, (v) => (v <= threshold ? level : v));
  return { width: img.width, height: img.height, data };
}

/** How dark the darkest part of an image is, relative to its bright end: the 5 % quantile over the
 *  99 % quantile, and the share of pixels at or below 2 % of the 99 % quantile. */
export function backgroundStats(img: GrayImage): { lowOverHigh: number; darkShare: number } {
  const hi = quantile(img.data, 0.99) || 1;
  const lo = quantile(img.data, 0.05);
  let dark = 0;
  for (const v of img.data) if (v <= 0.02 * hi) dark++;
  return { lowOverHigh: lo / hi, darkShare: dark / img.data.length };
}
