import type { GrayImage } from './types';

/** Source index for each destination index along one axis: src = floor((dst + 0.5) · srcSize / dstSize).
 *  This is Pillow's NEAREST mapping, which made the RSNA thumbnails; matching it pixel for pixel
 *  keeps a full-size radiograph on the same input distribution the model was trained on. */
export function nearestIndices(srcSize: number, dstSize: number): Int32Array {
  const out = new Int32Array(dstSize);
  const scale = srcSize / dstSize;
  for (let d = 0; d < dstSize; d++) {
    out[d] = Math.min(srcSize - 1, Math.floor((d + 0.5) * scale));
  }
  return out;
}

/** Nearest-neighbour resize to width × height, ignoring the aspect ratio. */
export function resampleNearest(img: GrayImage, width: number, height: number): GrayImage {
  if (img.width === width && img.height === height) return { width, height, data: img.data.slice() };
  const xs = nearestIndices(img.width, width);
  const ys = nearestIndices(img.height, height);
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = ys[y] * img.width;
    for (let x = 0; x < width; x++) data[y * width + x] = img.data[row + xs[x]];
  }
  return { width, height, data };
}
