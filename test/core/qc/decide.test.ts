import { describe, expect, it } from 'vitest';
import { QC_CLASSES } from '../../../core/qc/classes';
import { classifierFlag, namedProbabilities } from '../../../core/qc/decide';
import { halve } from '../../../core/qc/qc-input';
import { combine } from '../../../core/qc/qc-model';

const p = (...v: number[]) => Float32Array.from(v);

describe('classifier decision', () => {
  it('accepts when P(ok) reaches the threshold', () => {
    expect(classifierFlag(p(0.6, 0.1, 0.1, 0.1, 0.05, 0.05), 0.5)).toBeNull();
  });

  it('flags with the most probable other class as the reason', () => {
    const f = classifierFlag(p(0.3, 0.1, 0.45, 0.05, 0.05, 0.05), 0.5)!;
    expect(f.code).toBe('mirrored');
    expect(f.message).toMatch(/flip/i);
    expect(f.score).toBeCloseTo(0.45);
    expect(classifierFlag(p(0.2, 0.1, 0.1, 0.1, 0.1, 0.4), 0.5)!.code).toBe('multiple-hands');
  });

  it('a stricter threshold flags more', () => {
    expect(classifierFlag(p(0.6, 0.3, 0.1, 0, 0, 0), 0.7)!.code).toBe('not-hand');
  });

  it('refuses a probability vector of the wrong length', () => {
    expect(() => classifierFlag(p(1, 0), 0.5)).toThrow(/6 QC probabilities/);
  });

  it('combines rule flags and the classifier into one report', () => {
    const dark = { code: 'too-dark' as const, message: 'dark', score: 0.1 };
    const r = combine([dark], p(0.9, 0.02, 0.02, 0.02, 0.02, 0.02), 0.5);
    expect(r.ok).toBe(false);
    expect(r.flags.map((f) => f.code)).toEqual(['too-dark']);
    expect(Object.keys(r.probabilities!)).toEqual([...QC_CLASSES]);
    expect(combine([], p(0.9, 0.02, 0.02, 0.02, 0.02, 0.02), 0.5).ok).toBe(true);
    expect(namedProbabilities(p(0.12345, 0, 0, 0, 0, 0)).ok).toBe(0.123);
  });
});

describe('QC input plane', () => {
  it('halves by 2×2 means', () => {
    const img = { width: 4, height: 2, data: Float32Array.from([1, 3, 5, 7, 1, 3, 5, 7]) };
    expect(Array.from(halve(img).data)).toEqual([2, 6]);
  });
});
