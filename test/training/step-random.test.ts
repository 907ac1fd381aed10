import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { stepSeed, withSeededMathRandom } from '../../training/step-random';

describe('step seeds', () => {
  it('differ between steps, shards and runs, and are 32-bit unsigned', () => {
    const seeds = new Set<number>();
    for (const run of [1, 2, 42]) for (let step = 0; step < 200; step++) for (const shard of [0, 1]) seeds.add(stepSeed(run, step, shard));
    expect(seeds.size).toBe(3 * 200 * 2);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(stepSeed(7, 5, 1)).toBe(stepSeed(7, 5, 1));
  });
});

describe('withSeededMathRandom', () => {
  it('makes an unseeded tfjs dropout replay its mask, differ with the seed, and puts Math.random back', async () => {
    await tf.setBackend('cpu');
    const original = Math.random;
    const x = tf.ones([1000]);
    const mask = (seed: number) => withSeededMathRandom(seed, () => Array.from(tf.dropout(x, 0.5).dataSync()));
    const a = mask(stepSeed(1, 3, 0));
    expect(mask(stepSeed(1, 3, 0))).toEqual(a);
    expect(mask(stepSeed(1, 4, 0))).not.toEqual(a);
    expect(a.filter((v) => v === 0).length).toBeGreaterThan(400); // still a dropout of about half
    expect(Math.random).toBe(original);
    expect(() => withSeededMathRandom(1, () => { throw new Error('boom'); })).toThrow('boom');
    expect(Math.random).toBe(original);
    x.dispose();
  });
});
