/** Seeded PRNG (mulberry32): generated images are reproducible from their seed. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = next as Rng;
  rng.uniform = (lo, hi) => lo + (hi - lo) * next();
  rng.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  rng.normal = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  rng.pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  return rng;
}

export interface Rng {
  (): number;
  uniform(lo: number, hi: number): number;
  int(lo: number, hi: number): number;
  normal(): number;
  pick<T>(xs: readonly T[]): T;
}
