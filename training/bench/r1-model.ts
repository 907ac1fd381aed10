import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** Benchmark workload R1 (../shared/bench/README.md): four biased "same" convolutions with ReLU,
 *  max-pools after the first three, global average pool, dense 1. */
export function r1Model(): tfl.LayersModel {
  const conv = (filters: number, kernelSize: number, strides = 1) => tfl.layers.conv2d({ filters, kernelSize, strides, padding: 'same', activation: 'relu' });
  return tfl.sequential({
    layers: [
      tfl.layers.inputLayer({ inputShape: [null, null, 1] }),
      conv(32, 7, 2), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(64, 5), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(128, 3), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(128, 3),
      tfl.layers.globalAveragePooling2d({}),
      tfl.layers.dense({ units: 1 }),
    ],
  });
}

/** R1's loss: mean squared error of the single output against `y` ([n]); also keeps the predictions (caller disposes). */
export function r1Loss(model: tfl.LayersModel, x: tf.Tensor4D, y: tf.Tensor1D): { loss: tf.Scalar; pred: tf.Tensor1D } {
  const pred = tf.keep(tf.reshape(model.apply(x, { training: true }) as tf.Tensor, [-1])) as tf.Tensor1D;
  return { loss: tf.losses.meanSquaredError(y, pred) as tf.Scalar, pred };
}
