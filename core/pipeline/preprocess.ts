import { zscore } from './normalise';
import { resampleArea } from './resample-area';
import { resampleNearest } from './resample-nearest';
import type { GrayImage, InputSpec, SampledImage } from './types';

const RESAMPLERS: Record<InputSpec['resample'], (img: SampledImage, width: number, height: number) => GrayImage> = {
  'nearest-floor-center': resampleNearest,
  'area-average': resampleArea,
};

/** The resamplings a model card may ask for. */
export const RESAMPLINGS = Object.keys(RESAMPLERS) as Array<InputSpec['resample']>;

/** Grayscale image of any size → the model's input plane, exactly as the model card's input
 *  specification says. The only path from pixels to the network, for the page and for training. */
export function preprocess(img: SampledImage, spec: InputSpec): GrayImage {
  const resample = Object.hasOwn(RESAMPLERS, spec.resample) ? RESAMPLERS[spec.resample] : undefined;
  if (!resample) throw new Error(`Unknown resampling "${spec.resample}" in the model card.`);
  if (spec.normalise !== 'per-image-zscore') throw new Error(`Unknown normalisation "${spec.normalise}" in the model card.`);
  const resized = resample(img, spec.width, spec.height);
  return { width: spec.width, height: spec.height, data: zscore(resized.data) };
}
