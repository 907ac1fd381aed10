import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batchNormTrain, channelMoments, hasFusedBatchNormTraining } from '../../../training/kernels/batch-norm-train';
import { isFusedBatchNormTraining, useFusedBatchNormTraining } from '../../../training/kernels/fused-batch-norm-layer';
import { registerWasmTrainingKernels } from '../../../training/kernels/register';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

const EPS = 1e-3;

/** y of a training-mode BatchNorm and dL/d(x, scale, offset) of L = Σ y·probe, either through the
 *  fused kernels or through tf.moments + tf.batchNorm (what tfjs-layers does). */
function bnWithGrads(fused: boolean, x: tf.Tensor, scale: tf.Tensor1D, offset: tf.Tensor1D, probe: tf.Tensor) {
  const forward = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    if (fused) return batchNormTrain(a, g as tf.Tensor1D, b as tf.Tensor1D, EPS);
    const { mean, variance } = tf.moments(a, [0, 1, 2]);
    return [tf.batchNorm(a, mean, variance, b, g, EPS), mean, variance];
  };
  const [y, mean, variance] = forward(x, scale, offset).map((t) => t.dataSync() as Float32Array);
  const grads = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(forward(a, g, b)[0], probe)))([x, scale, offset]);
  return { y, mean, variance, grads: grads.map((t) => t.dataSync() as Float32Array) };
}

beforeAll(async () => {
  await useBackend('wasm');
  registerWasmTrainingKernels();
});

afterEach(() => useFusedBatchNormTraining(false));

describe('fused training BatchNorm kernels (wasm)', () => {
  // 3·5·7 = 105 rows (not a multiple of four: the one-row tail runs), a mean far from zero (the shift),
  // and a one-row case.
  for (const [shape, mu] of [[[3, 5, 7, 6], 40], [[2, 4, 4, 24], 0], [[1, 1, 1, 3], 1]] as const) {
    it(`match tf.moments + tf.batchNorm and their gradients, shape ${shape.join('×')}`, () => {
      const c = shape[3];
      const x = tf.randomNormal([...shape], mu, 2, 'float32', 11);
      const scale = tf.randomNormal([c], 1, 0.3, 'float32', 12) as tf.Tensor1D;
      const offset = tf.randomNormal([c], 0, 0.3, 'float32', 13) as tf.Tensor1D;
      const probe = tf.randomNormal([...shape], 0, 1, 'float32', 14);
      const ref = bnWithGrads(false, x, scale, offset, probe);
      const got = bnWithGrads(true, x, scale, offset, probe);
      expect(maxAbsDiff(got.y, ref.y)).toBeLessThan(1e-4);
      expect(maxAbsDiff(got.mean, ref.mean)).toBeLessThan(1e-4 * Math.max(1, mu));
      expect(maxAbsDiff(got.variance, ref.variance)).toBeLessThan(1e-3);
      for (let i = 0; i < 3; i++) expect(maxAbsDiff(got.grads[i], ref.grads[i])).toBeLessThan(2e-4);
    });
  }

  it('are on a finite-difference check too (dL/dx, one element per channel)', () => {
    const x = tf.randomNormal([2, 3, 3, 4], 0.5, 1.5, 'float32', 21);
    const scale = tf.tensor1d([1.2, 0.7, -0.4, 2]);
    const offset = tf.tensor1d([0.1, 0, -0.3, 0.5]);
    const probe = tf.randomNormal([2, 3, 3, 4], 0, 1, 'float32', 22);
    const loss = (a: tf.Tensor) => tf.tidy(() => tf.sum(tf.mul(batchNormTrain(a, scale, offset, EPS)[0], probe))).dataSync()[0];
    const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(batchNormTrain(a, scale, offset, EPS)[0], probe)))(x).dataSync();
    const base = x.dataSync() as Float32Array;
    const h = 1e-2;
    for (const i of [0, 5, 10, 35]) {
      const plus = base.slice();
      const minus = base.slice();
      plus[i] += h;
      minus[i] -= h;
      const numeric = (loss(tf.tensor(plus, x.shape)) - loss(tf.tensor(minus, x.shape))) / (2 * h);
      expect(Math.abs(dx[i] - numeric)).toBeLessThan(2e-3 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('channelMoments keeps the variance of values far from zero', () => {
    const xs = Float32Array.from({ length: 4000 }, (_, i) => 1e4 + (i % 2 ? 0.5 : -0.5)); // one channel
    const { mean, variance } = channelMoments(xs, 1);
    expect(mean[0]).toBeCloseTo(1e4, 6);
    expect(variance[0]).toBeCloseTo(0.25, 6);
  });

  it('normalise values far from zero as float64 arithmetic does (x = 1000 ± 1)', () => {
    const x = tf.randomNormal([4, 5, 5, 3], 1000, 1, 'float32', 41);
    const [y] = batchNormTrain(x, tf.tensor1d([1, 2, 0.5]), tf.tensor1d([0, 1, -1]), EPS);
    const xs = x.dataSync();
    const ys = y.dataSync();
    for (let ch = 0; ch < 3; ch++) {
      const vals = Array.from(xs).filter((_, i) => i % 3 === ch);
      const mean = vals.reduce((p, q) => p + q, 0) / vals.length;
      const variance = vals.reduce((p, q) => p + (q - mean) ** 2, 0) / vals.length;
      const [g, b] = [[1, 2, 0.5][ch], [0, 1, -1][ch]];
      const expected = vals.map((v) => ((v - mean) / Math.sqrt(variance + EPS)) * g + b);
      expect(maxAbsDiff(Array.from(ys).filter((_, i) => i % 3 === ch), expected)).toBeLessThan(1e-3);
    }
  });

  it('leave no tensors behind in a gradient step', () => {
    const x = tf.randomNormal([2, 4, 4, 8]);
    const scale = tf.ones([8]) as tf.Tensor1D;
    const offset = tf.zeros([8]) as tf.Tensor1D;
    const before = tf.memory().numTensors;
    tf.dispose(tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(batchNormTrain(a, g as tf.Tensor1D, b as tf.Tensor1D, EPS)[0])))([x, scale, offset]));
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('BatchNormalization layers in training', () => {
  /** A conv + BatchNorm model's output, weight gradients and moving statistics after one training call. */
  function trainCall(fused: boolean) {
    useFusedBatchNormTraining(fused);
    const input = tfl.input({ shape: [null, null, 2] });
    const conv = tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: tfl.initializers.heNormal({ seed: 3 }) });
    const bn = tfl.layers.batchNormalization({ momentum: 0.9 });
    const net = tfl.model({ inputs: input, outputs: bn.apply(conv.apply(input)) as tfl.SymbolicTensor });
    bn.setWeights([tf.tensor1d([1, 2, 0.5, 1, 1.5]), tf.tensor1d([0, 0.1, -0.2, 0.3, 0]), tf.fill([5], 0.2), tf.fill([5], 3)]);
    const x = tf.randomNormal([3, 6, 5, 2], 1, 2, 'float32', 31);
    const probe = tf.randomNormal([3, 6, 5, 5], 0, 1, 'float32', 32);
    let y: Float32Array | undefined;
    const { grads } = tf.variableGrads(() => {
      const out = net.apply(x, { training: true }) as tf.Tensor;
      y = out.dataSync() as Float32Array;
      return tf.sum(tf.mul(out, probe)) as tf.Scalar;
    });
    const inference = (net.predict(x) as tf.Tensor).dataSync() as Float32Array;
    const weights = net.trainableWeights.map((w) => grads[w.originalName].dataSync() as Float32Array);
    return { y: y!, weights, moving: bn.getWeights().slice(2).map((t) => t.dataSync() as Float32Array), inference };
  }

  it('are registered for wasm, but layers keep the stock call until switched on', () => {
    expect(hasFusedBatchNormTraining()).toBe(true);
    expect(isFusedBatchNormTraining()).toBe(false);
    useFusedBatchNormTraining(true);
    expect(isFusedBatchNormTraining()).toBe(true);
  });

  it('train exactly as the stock layer: output, gradients of every weight, moving mean and variance', () => {
    const stock = trainCall(false);
    const fused = trainCall(true);
    expect(maxAbsDiff(fused.y, stock.y)).toBeLessThan(1e-4);
    expect(fused.weights.length).toBe(3); // conv kernel, gamma, beta
    fused.weights.forEach((g, i) => expect(maxAbsDiff(g, stock.weights[i])).toBeLessThan(5e-4));
    fused.moving.forEach((m, i) => expect(maxAbsDiff(m, stock.moving[i])).toBeLessThan(1e-4));
    // The moving statistics did move (0.2 and 3 before the call), and inference reads them.
    expect(maxAbsDiff(fused.moving[0], new Float32Array(5).fill(0.2))).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(fused.inference, stock.inference)).toBeLessThan(1e-4);
  });
});
