import { preprocess } from '../pipeline/preprocess';
import type { InputSpec, SampledImage } from '../pipeline/types';
import type { Deconvnet } from './deconvnet';
import { DEFAULT_BOX_FRACTION, projectionRegion, toImageFrame, type Box, type Point } from './region';

export interface LearnedRoi {
  layer: string;
  map: number;
  activation: number;
  /** Peak and box in the original image's pixel frame. */
  peak: Point;
  box: Box;
  /** The same in the model's input plane. */
  inputPeak: Point;
  inputBox: Box;
  /** |reconstruction| / its max, 0..1, in the input plane (what the page paints, stretched over the image). */
  heat: { width: number; height: number; data: Float32Array };
}

export interface LearnedRoiOptions {
  layer: string;
  k: number;
  /** Box threshold as a fraction of the peak magnitude (DEFAULT_BOX_FRACTION). */
  fraction?: number;
}

/** Image of any size → the top-k learned ROIs of one layer, through the model card's preprocessing. */
export async function learnedRois(deconv: Deconvnet, image: SampledImage, spec: InputSpec, options: LearnedRoiOptions): Promise<LearnedRoi[]> {
  const plane = preprocess(image, spec);
  const record = await deconv.forward(plane, options.layer);
  const projections = await deconv.project(record, options.layer, options.k);
  return projections.map((p) => {
    const region = projectionRegion(p, options.fraction ?? DEFAULT_BOX_FRACTION);
    const heat = new Float32Array(p.pixels.length);
    if (region.max > 0) for (let i = 0; i < heat.length; i++) heat[i] = Math.abs(p.pixels[i]) / region.max;
    return {
      layer: p.layer,
      map: p.map,
      activation: p.activation,
      peak: toImageFrame(region.peak, plane, image),
      box: toImageFrame(region.box, plane, image),
      inputPeak: region.peak,
      inputBox: region.box,
      heat: { width: p.width, height: p.height, data: heat },
    };
  });
}
