import * as tf from '@tensorflow/tfjs-core';

/**
 * FusedBatchNorm's gradient with broadcasting instead of tfjs-core's `tile` of 1/σ to the full
 * activation shape (that tile alone cost more than the convolutions it sits between, on wasm).
 * Same formulas as tfjs-core otherwise; checked against it in the tests.
 */
export const batchNormGradBroadcast: tf.GradConfig = {
  kernelName: tf.FusedBatchNorm,
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const { varianceEpsilon } = attrs as unknown as tf.FusedBatchNormAttrs;
    const [x, mean, variance, scale] = saved;
    const g = dy as tf.Tensor;
    const scaleValue = scale == null ? tf.scalar(1) : scale;
    const reductionAxes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (t: tf.Tensor) => tf.reshape(mean.rank === 1 ? tf.sum(t, reductionAxes) : t, mean.shape);
    const rstd = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    const gScaled = tf.mul(g, scaleValue);
    return {
      x: () => tf.reshape(tf.mul(gScaled, rstd), x.shape),
      mean: () => reduce(tf.mul(gScaled, tf.neg(rstd))),
      variance: () => reduce(tf.mul(tf.mul(tf.sub(x, mean), gScaled), tf.mul(tf.pow(rstd, 3), -0.5))),
      scale: () => reduce(tf.mul(g, tf.mul(tf.sub(x, mean), rstd))),
      offset: () => reduce(g),
    };
  },
};
