import { THUMBNAIL_INPUT } from '../model/constants';
import { preprocess } from '../pipeline/preprocess';
import type { GrayImage, SampledImage } from '../pipeline/types';

/** Side of the QC classifier's input plane. */
export const QC_SIDE = 50;

/** Any-size image → the QC classifier's plane: the age model's own 100×100 squash and z-score,
 *  then 2×2 averaging to 50×50 (left/right and layout need no more detail). */
export function qcPlane(img: SampledImage): GrayImage {
  return halve(preprocess(img, THUMBNAIL_INPUT));
}

/** 2×2 mean pooling of an even-sized plane. */
export function halve(p: GrayImage): GrayImage {
  const w = p.width >> 1, h = p.height >> 1;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const r0 = 2 * y * p.width, r1 = r0 + p.width;
    for (let x = 0; x < w; x++) {
      data[y * w + x] = (p.data[r0 + 2 * x] + p.data[r0 + 2 * x + 1] + p.data[r1 + 2 * x] + p.data[r1 + 2 * x + 1]) / 4;
    }
  }
  return { width: w, height: h, data };
}
