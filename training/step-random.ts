import { mulberry32 } from './data/split';

/**
 * Reproducible dropout. An unseeded tfjs dropout takes its mask's seed from Math.random on every
 * call (a seeded one would drop the same units every step), so a training run replays only if
 * Math.random does. Each training step (and each worker's shard of it) reads its masks with
 * Math.random drawn from a seed fixed by the run, the step and the shard: the same command gives
 * the same weights, and a run resumed after a kill gives those of one never interrupted.
 */
export function stepSeed(runSeed: number, step: number, shard: number): number {
  let h = Math.imul(runSeed >>> 0, 0x9e3779b1) ^ Math.imul(step >>> 0, 0x85ebca77) ^ Math.imul(shard >>> 0, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Runs fn (synchronous: tfjs ops draw their seeds while the op is built) with Math.random seeded, then puts it back. */
export function withSeededMathRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
