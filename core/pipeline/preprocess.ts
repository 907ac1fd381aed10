import { zscore } from './normalise';
import { resampleNearest } from './resample-nearest';
import type { GrayImage, InputSpec } from './types';

/** Grayscale image of any size → the model's input plane, exactly as the model card's input
 *  specification says. The only path from pixels to the network, for the page and for training. */
export function preprocess(img: GrayImage, spec: InputSpec): GrayImage {
  if (spec.resample !== 'nearest-floor-center') throw new Error(`Unknown resampling "${spec.resample}" in the model card.`);
  if (spec.normalise !== 'per-image-zscore') throw new Error(`Unknown normalisation "${spec.normalise}" in the model card.`);
  const resized = resampleNearest(img, spec.width, spec.height);
  return { width: spec.width, height: spec.height, data: zscore(resized.data) };
}
