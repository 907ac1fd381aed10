import type { GrayImage, SampledImage } from './types';

/** The image with float samples: itself when they already are, else a float copy (integer samples
 *  convert exactly). For code that computes on the samples in place of reading them. */
export function asFloatImage<T extends SampledImage>(img: T): T & GrayImage {
  return img.data instanceof Float32Array ? (img as T & GrayImage) : { ...img, data: new Float32Array(img.data) };
}
