import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../../training/kernels/register';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

beforeAll(async () => {
  await useBackend('wasm');
  registerWasmTrainingKernels();
});

async function segmentSum(backend: 'cpu' | 'wasm', x: number[], shape: number[], ids: number[], n: number): Promise<Float32Array> {
  await useBackend(backend);
  return (await tf.unsortedSegmentSum(tf.tensor(x, shape), tf.tensor1d(ids, 'int32'), n).data()) as Float32Array;
}

describe('UnsortedSegmentSum on wasm', () => {
  it('matches the cpu kernel, rows of several channels, repeated and unused segments', async () => {
    const x = Array.from({ length: 7 * 3 }, (_, i) => (i * 13) % 7 - 3);
    const ids = [4, 0, 4, 2, 0, 4, 1];
    const ref = await segmentSum('cpu', x, [7, 3], ids, 6);
    const got = await segmentSum('wasm', x, [7, 3], ids, 6);
    expect(Array.from(got)).toEqual(Array.from(ref));
    expect(Array.from(got.slice(15, 18))).toEqual([0, 0, 0]); // segment 5 unused
  });
  it('gives the gather gradient the cpu gives', async () => {
    const run = async (b: 'cpu' | 'wasm') => {
      await useBackend(b);
      const p = tf.tensor2d(Array.from({ length: 20 }, (_, i) => i), [10, 2]);
      const idx = tf.tensor1d([3, 3, 9, 0, 3, 7], 'int32');
      const w = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [6, 2]);
      return (await tf.grad((q: tf.Tensor) => tf.sum(tf.mul(tf.gather(q, idx), w)))(p).data()) as Float32Array;
    };
    expect(maxAbsDiff(await run('wasm'), await run('cpu'))).toBe(0);
  });
});
