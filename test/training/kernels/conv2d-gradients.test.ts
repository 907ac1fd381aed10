import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../training/kernels/register';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

/** Conv gradients computed on one backend for a given case. */
async function convGrads(backend: 'cpu' | 'wasm', c: Case): Promise<{ dx: Float32Array; dw: Float32Array }> {
  await useBackend(backend);
  const x = tf.randomNormal([c.b, c.h, c.w, c.ci], 0, 1, 'float32', 1) as tf.Tensor4D;
  const f = tf.randomNormal([c.k, c.k, c.ci, c.co], 0, 1, 'float32', 2) as tf.Tensor4D;
  const probe = tf.randomNormal(tf.conv2d(x, f, c.s, c.pad).shape, 0, 1, 'float32', 3);
  const [dx, dw] = tf.grads((a: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, bb as tf.Tensor4D, c.s, c.pad), probe)))([x, f]);
  return { dx: (await dx.data()) as Float32Array, dw: (await dw.data()) as Float32Array };
}

interface Case { b: number; h: number; w: number; ci: number; co: number; k: number; s: number; pad: 'same' | 'valid' }
const cases: Case[] = [
  { b: 2, h: 9, w: 11, ci: 3, co: 4, k: 3, s: 1, pad: 'same' },
  { b: 2, h: 10, w: 10, ci: 8, co: 5, k: 5, s: 1, pad: 'valid' },
  { b: 3, h: 13, w: 12, ci: 1, co: 6, k: 7, s: 2, pad: 'same' }, // BoNet's first layer
  { b: 1, h: 12, w: 9, ci: 16, co: 8, k: 3, s: 2, pad: 'same' },
  { b: 2, h: 11, w: 11, ci: 12, co: 3, k: 5, s: 2, pad: 'valid' },
  { b: 2, h: 8, w: 8, ci: 10, co: 7, k: 3, s: 1, pad: 'valid' },
];

beforeAll(async () => {
  await useBackend('wasm');
  registerWasmTrainingKernels();
});

describe('wasm conv gradient kernels (composed from forward kernels) against the cpu reference', () => {
  it.each(cases)('b$b $h×$w ci$ci co$co k$k s$s $pad', async (c) => {
    const ref = await convGrads('cpu', c);
    const got = await convGrads('wasm', c);
    const scale = (a: Float32Array) => Math.max(1, ...Array.from(a, Math.abs));
    expect(maxAbsDiff(got.dw, ref.dw) / scale(ref.dw)).toBeLessThan(1e-5);
    expect(maxAbsDiff(got.dx, ref.dx) / scale(ref.dx)).toBeLessThan(1e-5);
  });

  it('leaves no intermediate tensors or backend buffers behind', async () => {
    await useBackend('wasm');
    const step = () =>
      tf.tidy(() => {
        const x = tf.ones([2, 9, 9, 3]) as tf.Tensor4D;
        const f = tf.ones([3, 3, 3, 4]) as tf.Tensor4D;
        tf.grads((a: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.conv2d(a as tf.Tensor4D, bb as tf.Tensor4D, 2, 'same')))([x, f]);
      });
    const dataIds = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    step(); // warm-up: anything the engine caches once
    const [tensors, ids] = [tf.memory().numTensors, dataIds()];
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(dataIds()).toBe(ids);
  });
});
