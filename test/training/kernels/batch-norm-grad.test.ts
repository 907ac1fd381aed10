import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { batchNormGradBroadcast } from '../../../training/kernels/batch-norm-grad';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

/** Gradients of a BatchNorm in training mode (batch statistics) w.r.t. x, scale and offset. */
function bnGrads(): Float32Array[] {
  const x = tf.randomNormal([3, 4, 5, 6], 1, 2, 'float32', 5);
  const gamma = tf.randomNormal([6], 1, 0.3, 'float32', 6);
  const beta = tf.randomNormal([6], 0, 0.3, 'float32', 7);
  const probe = tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', 8);
  const f = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const { mean, variance } = tf.moments(a, [0, 1, 2]);
    return tf.sum(tf.mul(tf.batchNorm(a, mean, variance, b, g, 1e-3), probe));
  };
  return tf.grads(f)([x, gamma, beta]).map((t) => t.dataSync() as Float32Array);
}

describe('broadcasting BatchNorm gradient', () => {
  it('equals tfjs-core’s own gradient', async () => {
    await useBackend('cpu');
    const ref = bnGrads(); // before the override is registered (fresh module state per test file)
    tf.registerGradient(batchNormGradBroadcast);
    const got = bnGrads();
    for (let i = 0; i < 3; i++) expect(maxAbsDiff(got[i], ref[i])).toBeLessThan(1e-4);
  });
});
