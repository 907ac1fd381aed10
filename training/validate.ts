import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { BoneAgeModel } from '../core/model';
import type { ModelCard, OutputSpec, ValidationFigures } from '../core/model/types';
import type { InputSpec } from '../core/pipeline/types';
import type { PlaneSet } from './data/rsna';
import { figuresWithSubgroups } from './metrics';
import { recalibrateBatchNorm } from './precise-bn';

/** Precise BN over the first `images` planes of a (training) set, in batches of 64. */
export function recalibrateOn(net: tfl.LayersModel, set: PlaneSet, spec: InputSpec, images = 1280): void {
  if (!net.layers.some((l) => l.getClassName() === 'BatchNormalization')) return;
  const plane = spec.width * spec.height;
  const n = Math.min(images, set.months.length);
  const batches: tf.Tensor4D[] = [];
  for (let i = 0; i < n; i += 64) {
    const k = Math.min(64, n - i);
    batches.push(tf.tensor4d(set.x.subarray(i * plane, (i + k) * plane), [k, spec.height, spec.width, 1]));
  }
  recalibrateBatchNorm(net, batches);
  tf.dispose(batches);
}

/** A network's estimate (months) for every plane of a set, through BoneAgeModel (the page's inference path),
 *  each read with its own sex. */
export async function predictOn(net: tfl.LayersModel, set: PlaneSet, spec: InputSpec, output: OutputSpec): Promise<Float32Array> {
  const m = new BoneAgeModel(net, { input: spec, output } as ModelCard);
  const plane = spec.width * spec.height;
  const preds = new Float32Array(set.months.length);
  for (let i = 0; i < preds.length; i += 64) {
    const n = Math.min(64, preds.length - i);
    const planes = Array.from({ length: n }, (_, k) => ({ width: spec.width, height: spec.height, data: set.x.subarray((i + k) * plane, (i + k + 1) * plane) }));
    (await m.estimatePlanes(planes, planes.map((_, k) => (set.male[i + k] ? 'male' : 'female')))).forEach((e, k) => (preds[i + k] = e.boneAgeMonths));
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
