import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { BoneAgeModel } from '../core/model';
import type { ModelCard, OutputSpec, ValidationFigures } from '../core/model/types';
import type { InputSpec } from '../core/pipeline/types';
import type { PlaneSet } from './data/rsna';
import { figuresWithSubgroups } from './metrics';
import { batchNormLayers, recalibrateBatchNorm } from './precise-bn';

/** The batch size of the epoch-end passes (precise BN and validation); the workers' shares are whole batches of it. */
export const EPOCH_END_BATCH = 64;

/** How many planes of a (training) set precise BN reads: the first 1,280, fixed and unaugmented. */
export const CALIBRATION_IMAGES = 1280;

/** Precise BN over the first `images` planes of a (training) set, in batches of EPOCH_END_BATCH. */
export function recalibrateOn(net: tfl.LayersModel, set: PlaneSet, spec: InputSpec, images = CALIBRATION_IMAGES): void {
  if (batchNormLayers(net).length === 0) return;
  const batches = planeBatches(set.x, Math.min(images, set.months.length), spec);
  recalibrateBatchNorm(net, batches);
  tf.dispose(batches);
}

/** The first n planes of x as tensors of EPOCH_END_BATCH planes (the last one shorter). */
export function planeBatches(x: Float32Array, n: number, spec: Pick<InputSpec, 'width' | 'height'>): tf.Tensor4D[] {
  const plane = spec.width * spec.height;
  const batches: tf.Tensor4D[] = [];
  for (let i = 0; i < n; i += EPOCH_END_BATCH) {
    const k = Math.min(EPOCH_END_BATCH, n - i);
    batches.push(tf.tensor4d(x.subarray(i * plane, (i + k) * plane), [k, spec.height, spec.width, 1]));
  }
  return batches;
}

/** A network's estimate (months) for every plane of a set, through BoneAgeModel (the page's inference path),
 *  each read with its own sex. */
export function predictOn(net: tfl.LayersModel, set: PlaneSet, spec: InputSpec, output: OutputSpec): Promise<Float32Array> {
  return predictPlanes(net, set.x, set.male, spec, output);
}

/** The estimates of all planes in x (male[i]: plane i's sex), in batches of EPOCH_END_BATCH. */
export async function predictPlanes(net: tfl.LayersModel, x: Float32Array, male: ArrayLike<boolean>, spec: InputSpec, output: OutputSpec): Promise<Float32Array> {
  const m = new BoneAgeModel(net, { input: spec, output } as ModelCard);
  const plane = spec.width * spec.height;
  const preds = new Float32Array(male.length);
  for (let i = 0; i < preds.length; i += EPOCH_END_BATCH) {
    const n = Math.min(EPOCH_END_BATCH, preds.length - i);
    const planes = Array.from({ length: n }, (_, k) => ({ width: spec.width, height: spec.height, data: x.subarray((i + k) * plane, (i + k + 1) * plane) }));
    (await m.estimatePlanes(planes, planes.map((_, k) => (male[i + k] ? 'male' : 'female')))).forEach((e, k) => (preds[i + k] = e.boneAgeMonths));
  }
  return preds;
}

/** The figures of estimates against a set's reference ages: overall and by sex × age band (as the card keeps them). */
export function figuresOn(preds: ArrayLike<number>, set: Pick<PlaneSet, 'months' | 'male'>): ValidationFigures {
  return figuresWithSubgroups(preds, set.months, set.male);
}

/** Validation figures of a network on a plane set (predictOn, then figuresOn). */
export async function validateOn(net: tfl.LayersModel, set: PlaneSet, spec: InputSpec, output: OutputSpec): Promise<ValidationFigures> {
  return figuresOn(await predictOn(net, set, spec, output), set);
}
