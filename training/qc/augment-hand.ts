import type { GrayImage } from '../../core/pipeline/types';
import { rotate } from '../../core/qc/transforms';
import type { Rng } from './rng';

/** What positives may look like and still count as acceptable: small tilts, shifts, contrast changes
 *  and noise (0–255 in, 0–255 out). Rotations stay within ±20°, well inside the 45° the rotated class starts at. */
export function augmentHand(img: GrayImage, rng: Rng): GrayImage {
  let out = img;
  if (rng() < 0.6) {
    out = rotate(out, rng.uniform(-20, 20), darkLevel(img));
  }
  const dx = rng.int(-6, 6), dy = rng.int(-6, 6);
  const gamma = Math.exp(rng.uniform(-0.35, 0.35)), noise = rng() < 0.3 ? rng.uniform(0, 8) : 0;
  const lut = Float32Array.from({ length: 256 }, (_, v) => 255 * Math.pow(v / 255, gamma));
  const { width: w, height: h } = out;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(h - 1, Math.max(0, y - dy));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(w - 1, Math.max(0, x - dx));
      const v = lut[Math.min(255, Math.max(0, Math.round(out.data[sy * w + sx])))] + (noise ? noise * rng.normal() : 0);
      data[y * w + x] = Math.min(255, Math.max(0, v));
    }
  }
  return { width: w, height: h, data };
}

/** The level below which 5% of pixels lie (256-bin histogram of 0–255 values): the background. */
export function darkLevel(img: GrayImage, fraction = 0.05): number {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[Math.min(255, Math.max(0, Math.round(v)))]++;
  let acc = 0;
  for (let b = 0; b < 256; b++) if ((acc += hist[b]) >= fraction * img.data.length) return b;
  return 255;
}
