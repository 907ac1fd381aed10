import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../training/kernels/register';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

interface Case { b: number; h: number; w: number; c: number; f: number; s: number; pad: 'same' | 'valid'; ties?: boolean }

/** dL/dx of sum(maxPool(x) · probe) on one backend. With `ties`, x is ReLU'd and rounded so
 *  windows hold equal maxima (as after ReLU in a real network): the first one must win. */
async function poolGrad(backend: 'cpu' | 'wasm', c: Case): Promise<Float32Array> {
  await useBackend(backend);
  let x = tf.randomNormal([c.b, c.h, c.w, c.c], 0, 1, 'float32', 7) as tf.Tensor4D;
  if (c.ties) x = tf.relu(tf.round(x)) as tf.Tensor4D;
  const probe = tf.randomNormal(tf.maxPool(x, c.f, c.s, c.pad).shape, 0, 1, 'float32', 8);
  const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, c.f, c.s, c.pad), probe)))(x);
  return (await dx.data()) as Float32Array;
}

const cases: Case[] = [
  { b: 2, h: 8, w: 8, c: 3, f: 2, s: 2, pad: 'valid' }, // R1 and BoNet: 2×2, stride 2
  { b: 2, h: 9, w: 7, c: 4, f: 2, s: 2, pad: 'same' }, // odd sizes, padded edge windows
  { b: 1, h: 11, w: 10, c: 5, f: 3, s: 2, pad: 'same' }, // overlapping windows accumulate
  { b: 2, h: 10, w: 9, c: 2, f: 3, s: 1, pad: 'valid' },
  { b: 2, h: 8, w: 8, c: 6, f: 2, s: 2, pad: 'valid', ties: true },
  { b: 1, h: 9, w: 9, c: 3, f: 3, s: 2, pad: 'same', ties: true },
];

beforeAll(async () => {
  await useBackend('wasm');
  registerWasmTrainingKernels();
});

describe('wasm MaxPoolGrad (one pass on the heap) against the cpu reference', () => {
  it.each(cases)('b$b $h×$w c$c f$f s$s $pad ties=$ties', async (c) => {
    const ref = await poolGrad('cpu', c);
    const got = await poolGrad('wasm', c);
    expect(ref.some((v) => v !== 0)).toBe(true);
    expect(maxAbsDiff(got, ref)).toBeLessThan(1e-6);
  });

  it('is the kernel the wasm backend now runs, and leaves no tensors or buffers behind', async () => {
    await useBackend('wasm');
    expect(tf.getKernel(tf.MaxPoolGrad, 'wasm')!.setupFunc).toBeUndefined(); // the stock kernel has a setup
    const step = () => tf.tidy(() => {
      tf.grad((a: tf.Tensor) => tf.sum(tf.maxPool(a as tf.Tensor4D, 2, 2, 'same')))(tf.ones([2, 5, 5, 3]));
    });
    const dataIds = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    step();
    const [tensors, ids] = [tf.memory().numTensors, dataIds()];
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(dataIds()).toBe(ids);
  });
});
