import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, beforeAll } from 'vitest';
import { TransposedConv } from '../../../core/roi/transposed-conv';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

describe.each(['cpu', 'wasm'] as const)('TransposedConv on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each([
    { kernel: 3, stride: 1, padding: 'same' },
    { kernel: 5, stride: 1, padding: 'same' },
    { kernel: 2, stride: 1, padding: 'same' },
    { kernel: 3, stride: 1, padding: 'valid' },
    { kernel: 7, stride: 2, padding: 'same' },
    { kernel: 4, stride: 2, padding: 'same' },
  ] as const)('is the adjoint of conv2d: k=$kernel stride=$stride $padding', async ({ kernel, stride, padding }) => {
    // For any y: convT(y) = ∂⟨y, conv(x)⟩/∂x (a vector–Jacobian product), whatever x is.
    const w = tf.randomNormal([kernel, kernel, 5, 6], 0, 1, 'float32', 7) as tf.Tensor4D;
    const x = tf.randomNormal([2, 13, 11, 5], 0, 1, 'float32', 3) as tf.Tensor4D;
    const fwd = tf.conv2d(x, w, stride, padding);
    const y = tf.randomNormal(fwd.shape, 0, 1, 'float32', 11) as tf.Tensor4D;
    const reference = tf.grad((xx) => tf.sum(tf.mul(tf.conv2d(xx as tf.Tensor4D, w, stride, padding), y)))(x);
    const t = new TransposedConv(w, [stride, stride], padding);
    const ours = t.apply(y, [13, 11, 5]);
    expect(ours.shape).toEqual(x.shape);
    expect(maxAbsDiff(await ours.data(), await reference.data())).toBeLessThan(1e-3);
    t.dispose();
    tf.dispose([w, x, fwd, y, reference, ours]);
  });
});
