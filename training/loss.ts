import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** The training objective: MSE between the mean of the age map and the standardised target.
 *  On a model with sex channels (0 boy, 1 girl), `male` (1/0 per image) picks each image's channel.
 *  Returns the loss and keeps the per-image predictions (caller disposes). */
export function mapMeanLoss(net: tfl.LayersModel, x: tf.Tensor4D, y: tf.Tensor1D, male?: tf.Tensor1D): { loss: tf.Scalar; pred: tf.Tensor1D } {
  const map = net.apply(x, { training: true }) as tf.Tensor4D;
  let pred: tf.Tensor1D;
  if (map.shape[3] === 2) {
    if (!male) throw new Error('mapMeanLoss: this model has sex channels; pass each image\'s sex.');
    const both = tf.mean(map, [1, 2]) as tf.Tensor2D; // [B, 2]
    const [boy, girl] = tf.split(both, 2, 1).map((t) => tf.reshape(t, [-1]) as tf.Tensor1D);
    pred = tf.keep(tf.add(tf.mul(boy, male), tf.mul(girl, tf.sub(1, male)))) as tf.Tensor1D;
  } else {
    pred = tf.keep(tf.mean(map, [1, 2, 3])) as tf.Tensor1D;
  }
  return { loss: tf.losses.meanSquaredError(y, pred) as tf.Scalar, pred };
}
