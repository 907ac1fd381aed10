import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilterViaForward } from '../../../training/kernels/conv2d-backprop-filter';
import { conv2dBackpropFilterIm2col } from '../../../training/kernels/conv2d-backprop-filter-im2col';
import { registerWasmTrainingKernels } from '../../../training/kernels/register';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

interface Case { b: number; h: number; w: number; ci: number; co: number; k: number; s: number; pad: 'same' | 'valid' }
const cases: Case[] = [
  { b: 2, h: 9, w: 11, ci: 3, co: 4, k: 3, s: 1, pad: 'same' },
  { b: 3, h: 13, w: 12, ci: 1, co: 6, k: 7, s: 2, pad: 'same' }, // R1's and BoNet's first layer
  { b: 1, h: 12, w: 9, ci: 16, co: 8, k: 3, s: 2, pad: 'same' },
  { b: 2, h: 11, w: 11, ci: 12, co: 3, k: 5, s: 2, pad: 'valid' },
  { b: 2, h: 10, w: 7, ci: 5, co: 7, k: 4, s: 3, pad: 'same' }, // even kernel: uneven padding
];

/** dW of sum(conv2d(x, f) · probe) on the current backend. */
async function filterGrad(c: Case): Promise<Float32Array> {
  const x = tf.randomNormal([c.b, c.h, c.w, c.ci], 0, 1, 'float32', 1) as tf.Tensor4D;
  const f = tf.randomNormal([c.k, c.k, c.ci, c.co], 0, 1, 'float32', 2) as tf.Tensor4D;
  const probe = tf.randomNormal(tf.conv2d(x, f, c.s, c.pad).shape, 0, 1, 'float32', 3);
  const dw = tf.grad((w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, w as tf.Tensor4D, c.s, c.pad), probe)))(f);
  return (await dw.data()) as Float32Array;
}

const viaForward = conv2dBackpropFilterViaForward('wasm');
const use = (cfg: tf.KernelConfig) => {
  tf.unregisterKernel(tf.Conv2DBackpropFilter, 'wasm');
  tf.registerKernel(cfg);
};

beforeAll(async () => {
  await useBackend('wasm');
  registerWasmTrainingKernels();
});

describe('wasm Conv2DBackpropFilter: im2col + GEMM, and its fallback, against the cpu reference', () => {
  it.each(cases)('b$b $h×$w ci$ci co$co k$k s$s $pad', async (c) => {
    await useBackend('cpu');
    const ref = await filterGrad(c);
    await useBackend('wasm');
    const scale = Math.max(1, ...Array.from(ref, Math.abs));
    use(conv2dBackpropFilterIm2col(viaForward.kernelFunc, Infinity));
    expect(maxAbsDiff(await filterGrad(c), ref) / scale).toBeLessThan(1e-5);
    use(conv2dBackpropFilterIm2col(viaForward.kernelFunc, 0)); // every case falls back
    expect(maxAbsDiff(await filterGrad(c), ref) / scale).toBeLessThan(1e-5);
  });

  it('leaves no tensors or backend buffers behind', async () => {
    await useBackend('wasm');
    use(conv2dBackpropFilterIm2col(viaForward.kernelFunc, Infinity));
    const step = () => tf.tidy(() => {
      tf.grad((w: tf.Tensor) => tf.sum(tf.conv2d(tf.ones([2, 9, 9, 3]) as tf.Tensor4D, w as tf.Tensor4D, 2, 'same')))(tf.ones([3, 3, 3, 4]));
    });
    const dataIds = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    step();
    const [tensors, ids] = [tf.memory().numTensors, dataIds()];
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(dataIds()).toBe(ids);
  });
});
