import type { LabelledCase } from './rsna';

/** Small seeded PRNG (mulberry32): the same seed gives the same split and the same batches everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/**
 * Seeded split by id, stratified by sex and 2-year age band: each stratum is sorted by id, shuffled
 * with the seed, and its first round(fraction · size) go to validation.
 */
export function stratifiedSplit(cases: LabelledCase[], seed: number, validationFraction: number): { train: string[]; validation: string[] } {
  const rand = mulberry32(seed);
  const train: string[] = [];
  const validation: string[] = [];
  for (const stratum of strataIds(cases)) {
    const ids = shuffleInPlace(stratum, rand);
    const nVal = Math.round(ids.length * validationFraction);
    validation.push(...ids.slice(0, nVal));
    train.push(...ids.slice(nVal));
  }
  return { train: train.sort(), validation: validation.sort() };
}

/** The ids of each stratum (sex × 2-year band of bone age), strata in key order, ids sorted: the
 *  deterministic starting point that the seeded split and folds shuffle. */
export function strataIds(cases: LabelledCase[]): string[][] {
  const strata = new Map<string, string[]>();
  for (const c of cases) {
    const key = `${c.male ? 'M' : 'F'}${Math.floor(c.boneAgeMonths / 24)}`;
    if (!strata.has(key)) strata.set(key, []);
    strata.get(key)!.push(c.id);
  }
  return [...strata.keys()].sort().map((key) => strata.get(key)!.sort());
}
