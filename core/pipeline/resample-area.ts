import type { GrayImage, SampledImage } from './types';

/** Area-average (box-filter) resize to width × height, ignoring the aspect ratio: each destination
 *  pixel is the mean of the source pixels whose index falls in [floor(d·s), floor((d+1)·s)).
 *  A full-size radiograph squashed this way gives the model the same estimate wherever the grid
 *  falls, where nearest sampling's estimate moves with the sampling phase (see
 *  training/reports/fullres-gap.ts). A same-size input comes back unchanged (a float copy), so the
 *  100×100 training thumbnails read the same under either resampling. */
export function resampleArea(img: SampledImage, width: number, height: number): GrayImage {
  if (img.width === width && img.height === height) return { width, height, data: new Float32Array(img.data) };
  const sx = img.width / width, sy = img.height / height;
  const data = new Float32Array(width * height);
  const x0s = new Int32Array(width), x1s = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    x0s[x] = Math.min(img.width - 1, Math.floor(x * sx));
    x1s[x] = Math.max(x0s[x] + 1, Math.min(img.width, Math.floor((x + 1) * sx)));
  }
  const rowSums = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const y0 = Math.min(img.height - 1, Math.floor(y * sy));
    const y1 = Math.max(y0 + 1, Math.min(img.height, Math.floor((y + 1) * sy)));
    rowSums.fill(0);
    for (let v = y0; v < y1; v++) {
      const row = v * img.width;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let u = x0s[x]; u < x1s[x]; u++) s += img.data[row + u];
        rowSums[x] += s;
      }
    }
    for (let x = 0; x < width; x++) data[y * width + x] = rowSums[x] / ((y1 - y0) * (x1s[x] - x0s[x]));
  }
  return { width, height, data };
}
