import type { LabelledCase } from './rsna';
import { mulberry32, shuffleInPlace, strataIds } from './split';

/**
 * Seeded k-fold assignment, stratified like stratifiedSplit (sex × 2-year band of bone age): each
 * stratum is sorted by id, shuffled with the seed and dealt round-robin over the folds, the deal
 * continuing from stratum to stratum so fold sizes differ by at most one.
 * Returns, per fold, the sorted ids of its cases (fold k is the validation part of run k).
 */
export function stratifiedFolds(cases: LabelledCase[], folds: number, seed: number): string[][] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`--folds must be an integer ≥ 2 (got ${folds}).`);
  if (cases.length < folds) throw new Error(`${cases.length} cases cannot make ${folds} folds.`);
  const rand = mulberry32(seed);
  const out: string[][] = Array.from({ length: folds }, () => []);
  let next = 0;
  for (const stratum of strataIds(cases)) {
    const ids = shuffleInPlace(stratum, rand);
    for (const id of ids) {
      out[next].push(id);
      next = (next + 1) % folds;
    }
  }
  return out.map((f) => f.sort());
}

/** The train/validation split of run `fold` (0-based): validation = that fold, train = the others. */
export function foldSplit(folds: string[][], fold: number): { train: string[]; validation: string[] } {
  if (!Number.isInteger(fold) || fold < 0 || fold >= folds.length) throw new Error(`--fold must be 0…${folds.length - 1} (got ${fold}).`);
  return { train: folds.filter((_, k) => k !== fold).flat().sort(), validation: folds[fold].slice() };
}
