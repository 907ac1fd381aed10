import { describe, expect, it } from 'vitest';
import { stratifiedSplit, mulberry32 } from '../../../training/data/split';
import type { LabelledCase } from '../../../training/data/rsna';

const cases: LabelledCase[] = Array.from({ length: 1000 }, (_, i) => ({ id: String(1000 + i), boneAgeMonths: (i * 37) % 228, male: i % 3 !== 0 }));

describe('stratifiedSplit', () => {
  it('is reproducible for a seed, disjoint, and complete', () => {
    const a = stratifiedSplit(cases, 42, 0.15), b = stratifiedSplit(cases, 42, 0.15);
    expect(a).toEqual(b);
    expect(new Set([...a.train, ...a.validation]).size).toBe(1000);
    expect(a.train.filter((id) => a.validation.includes(id))).toEqual([]);
    expect(stratifiedSplit(cases, 43, 0.15).validation).not.toEqual(a.validation);
  });
  it('keeps sex and age proportions in the validation part', () => {
    const { validation } = stratifiedSplit(cases, 1, 0.2);
    const byId = new Map(cases.map((c) => [c.id, c]));
    const v = validation.map((id) => byId.get(id)!);
    expect(v.length).toBeGreaterThanOrEqual(195);
    expect(v.length).toBeLessThanOrEqual(205);
    const maleFrac = (xs: LabelledCase[]) => xs.filter((c) => c.male).length / xs.length;
    expect(Math.abs(maleFrac(v) - maleFrac(cases))).toBeLessThan(0.02);
    const young = (xs: LabelledCase[]) => xs.filter((c) => c.boneAgeMonths < 96).length / xs.length;
    expect(Math.abs(young(v) - young(cases))).toBeLessThan(0.03);
  });
  it('does not depend on the input order', () => {
    const shuffled = cases.slice().reverse();
    expect(stratifiedSplit(shuffled, 42, 0.15)).toEqual(stratifiedSplit(cases, 42, 0.15));
  });
});

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(9), b = mulberry32(9);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
