import { describe, expect, it } from 'vitest';
import { pairedComparison, tQuantile975 } from '../../../training/reports/paired';

describe('pairedComparison', () => {
  it('gives the mean per-case difference b − a, its 95 % interval and the wins and losses', () => {
    const a = [10, 12, 8, 20, 5];
    const b = [8, 11, 9, 15, 5]; // differences −2, −1, +1, −5, 0
    const p = pairedComparison(a, b);
    expect(p.n).toBe(5);
    expect(p.meanDiff).toBeCloseTo(-1.4, 5);
    // sd of the differences = sqrt(((−0.6)² + 0.4² + 2.4² + (−3.6)² + 1.4²) / 4) = sqrt(5.3)
    const half = 2.776 * Math.sqrt(5.3) / Math.sqrt(5);
    expect(p.ci95[0]).toBeCloseTo(-1.4 - half, 2);
    expect(p.ci95[1]).toBeCloseTo(-1.4 + half, 2);
    expect([p.better, p.worse]).toEqual([3, 1]);
  });
  it('refuses unequal or too short inputs', () => {
    expect(() => pairedComparison([1, 2], [1])).toThrow();
    expect(() => pairedComparison([1], [1])).toThrow();
  });
  it('uses Student t quantiles (39 degrees of freedom for 40 cases ≈ 2.023)', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(39)).toBeCloseTo(2.023, 2);
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 2);
  });
});
