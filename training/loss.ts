import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { hasCellWeights } from '../core/model/bonet';

/** What the training minimises per image: squared error (BoNet's MSE) or absolute error (L1, the figure we report). */
export type LossKind = 'mse' | 'l1';

/** The training objective: MSE (or with `kind` 'l1' the mean absolute error) between the mean of the age map (weighted by the learned cell weights on a
 *  model with a logit channel) and the standardised target.
 *  On a model with sex channels (0 boy, 1 girl), `male` (1/0 per image) picks each image's channel.
 *  Returns the loss and keeps the per-image predictions (caller disposes). */
export function mapMeanLoss(net: tfl.LayersModel, x: tf.Tensor4D, y: tf.Tensor1D, male?: tf.Tensor1D, kind: LossKind = 'mse'): { loss: tf.Scalar; pred: tf.Tensor1D } {
  const out = net.apply(x, { training: true }) as tf.Tensor4D;
  const weighted = hasCellWeights(net);
  const ages = out.shape[3] - (weighted ? 1 : 0);
  // [B, ages]: the plain mean over cells, or with a logit channel the softmax-weighted mean.
  const reduced = weighted ? weightedCellMean(out, ages) : (tf.mean(out, [1, 2]) as tf.Tensor2D);
  let pred: tf.Tensor1D;
  if (ages === 2) {
    if (!male) throw new Error('mapMeanLoss: this model has sex channels; pass each image\'s sex.');
    const [boy, girl] = tf.split(reduced, 2, 1).map((t) => tf.reshape(t, [-1]) as tf.Tensor1D);
    pred = tf.keep(tf.add(tf.mul(boy, male), tf.mul(girl, tf.sub(1, male)))) as tf.Tensor1D;
  } else {
    pred = tf.keep(tf.reshape(reduced, [-1])) as tf.Tensor1D;
  }
  const loss = kind === 'l1' ? tf.losses.absoluteDifference(y, pred) : tf.losses.meanSquaredError(y, pred);
  return { loss: loss as tf.Scalar, pred };
}

/** [B, h, w, ages + 1] → [B, ages]: each age channel's mean over the cells, weighted by the softmax of
 *  the last (logit) channel over the cells. */
function weightedCellMean(out: tf.Tensor4D, ages: number): tf.Tensor2D {
  const [b, h, w] = out.shape;
  const [age, logit] = tf.split(out, [ages, 1], 3);
  const weights = tf.softmax(tf.reshape(logit, [b, h * w])); // [B, N]
  return tf.sum(tf.mul(tf.reshape(age, [b, h * w, ages]), tf.expandDims(weights, 2)), 1) as tf.Tensor2D;
}
