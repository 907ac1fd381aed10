import type { GrayImage, SampledImage } from './types';

/** Source index for each destination index along one axis: src = floor((dst + 0.5) · srcSize / dstSize).
 *  This is Pillow's NEAREST mapping, which made the RSNA thumbnails; matching it pixel for pixel
 *  keeps a full-size radiograph on the same input distribution the model was trained on.
 *  `phase` (0 ≤ phase < 1, default 0.5 = pixel centres) picks another sampling phase inside each
 *  destination cell: src = floor((dst + phase) · srcSize / dstSize). */
export function nearestIndices(srcSize: number, dstSize: number, phase = 0.5): Int32Array {
  const out = new Int32Array(dstSize);
  const scale = srcSize / dstSize;
  for (let d = 0; d < dstSize; d++) {
    out[d] = Math.min(srcSize - 1, Math.floor((d + phase) * scale));
  }
  return out;
}

/** Nearest-neighbour resize to width × height, ignoring the aspect ratio. `phaseX`/`phaseY`: the
 *  sampling phase per axis (see nearestIndices); a same-size input is copied whatever the phase. */
export function resampleNearest(img: SampledImage, width: number, height: number, phaseX = 0.5, phaseY = 0.5): GrayImage {
  if (img.width === width && img.height === height) return { width, height, data: new Float32Array(img.data) };
  const xs = nearestIndices(img.width, width, phaseX);
  const ys = nearestIndices(img.height, height, phaseY);
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = ys[y] * img.width;
    for (let x = 0; x < width; x++) data[y * width + x] = img.data[row + xs[x]];
  }
  return { width, height, data };
}
