import { describe, expect, it } from 'vitest';
import { foldSplit, stratifiedFolds } from '../../../training/data/folds';
import type { LabelledCase } from '../../../training/data/rsna';

const cases: LabelledCase[] = Array.from({ length: 1003 }, (_, i) => ({ id: String(1000 + i), boneAgeMonths: (i * 37) % 228, male: i % 3 !== 0 }));
const byId = new Map(cases.map((c) => [c.id, c]));

describe('stratifiedFolds', () => {
  it('covers every case exactly once, in folds whose sizes differ by at most one', () => {
    for (const k of [2, 5, 10]) {
      const folds = stratifiedFolds(cases, k, 42);
      expect(folds).toHaveLength(k);
      const all = folds.flat();
      expect(all).toHaveLength(cases.length);
      expect(new Set(all).size).toBe(cases.length);
      const sizes = folds.map((f) => f.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
  it('is reproducible for a seed, independent of input order, and changes with the seed', () => {
    const a = stratifiedFolds(cases, 5, 42);
    expect(stratifiedFolds(cases.slice().reverse(), 5, 42)).toEqual(a);
    expect(stratifiedFolds(cases, 5, 43)).not.toEqual(a);
  });
  it('keeps each sex × 2-year stratum spread evenly over the folds', () => {
    const folds = stratifiedFolds(cases, 5, 7);
    const strata = new Set(cases.map((c) => `${c.male}${Math.floor(c.boneAgeMonths / 24)}`));
    for (const s of strata) {
      const counts = folds.map((f) => f.filter((id) => { const c = byId.get(id)!; return `${c.male}${Math.floor(c.boneAgeMonths / 24)}` === s; }).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });
  it('refuses fewer than two folds or more folds than cases', () => {
    expect(() => stratifiedFolds(cases, 1, 1)).toThrow(/≥ 2/);
    expect(() => stratifiedFolds(cases.slice(0, 3), 5, 1)).toThrow(/cannot make/);
  });
});

describe('foldSplit', () => {
  it('makes disjoint train and validation parts that together are every case', () => {
    const folds = stratifiedFolds(cases, 5, 42);
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      const { train, validation } = foldSplit(folds, k);
      expect(validation).toEqual(folds[k]);
      expect(train.length + validation.length).toBe(cases.length);
      const v = new Set(validation);
      expect(train.some((id) => v.has(id))).toBe(false);
      seen.push(...validation);
    }
    expect(new Set(seen).size).toBe(cases.length); // each case validated exactly once over the runs
    expect(() => foldSplit(folds, 5)).toThrow(/--fold/);
  });
});
