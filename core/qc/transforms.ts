import type { GrayImage, SampledImage } from '../pipeline/types';

/** Left–right mirror: what the page's "flip" button runs the estimate on. */
export function flipHorizontal(img: SampledImage): GrayImage {
  const { width, height } = img;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) data[row + x] = img.data[row + width - 1 - x];
  }
  return { width, height, data };
}

/** Polarity reversal within the image's own range (min + max − v). */
export function invertPolarity(img: SampledImage): GrayImage {
  let lo = Infinity, hi = -Infinity;
  for (const v of img.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const data = new Float32Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lo + hi - img.data[i];
  return { width: img.width, height: img.height, data };
}

/** Rotation by `degrees` (counter-clockwise as seen) about the centre, same size, bilinear;
 *  what falls outside the source is filled with `fill`. */
export function rotate(img: SampledImage, degrees: number, fill: number): GrayImage {
  const { width, height } = img;
  const out = new Float32Array(width * height);
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a), s = Math.sin(a);
  const cx = (width - 1) / 2, cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse map: destination → source (image y points down, so this turns the content counter-clockwise).
      const dx = x - cx, dy = y - cy;
      const sx = c * dx - s * dy + cx;
      const sy = s * dx + c * dy + cy;
      out[y * width + x] = bilinear(img, sx, sy, fill);
    }
  }
  return { width, height, data: out };
}

function bilinear(img: SampledImage, x: number, y: number, fill: number): number {
  const e = 1e-6; // cos/sin of right angles are not exact
  if (x < -e || y < -e || x > img.width - 1 + e || y > img.height - 1 + e) return fill;
  x = Math.min(img.width - 1, Math.max(0, x));
  y = Math.min(img.height - 1, Math.max(0, y));
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(img.width - 1, x0 + 1), y1 = Math.min(img.height - 1, y0 + 1);
  const fx = x - x0, fy = y - y0;
  const d = img.data, w = img.width;
  const top = d[y0 * w + x0] * (1 - fx) + d[y0 * w + x1] * fx;
  const bottom = d[y1 * w + x0] * (1 - fx) + d[y1 * w + x1] * fx;
  return top * (1 - fy) + bottom * fy;
}
