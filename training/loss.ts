import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** The training objective: MSE between the mean of the age map and the standardised target.
 *  Returns the loss and keeps the per-image predictions (caller disposes). */
export function mapMeanLoss(net: tfl.LayersModel, x: tf.Tensor4D, y: tf.Tensor1D): { loss: tf.Scalar; pred: tf.Tensor1D } {
  const map = net.apply(x, { training: true }) as tf.Tensor;
  const pred = tf.keep(tf.mean(map, [1, 2, 3])) as tf.Tensor1D;
  return { loss: tf.losses.meanSquaredError(y, pred) as tf.Scalar, pred };
}
