import { describe, expect, it } from 'vitest';
import type { PairedComparison } from '../../../training/reports/paired';
import { shippingVerdict } from '../../../training/reports/shipping-rule';

const paired = (meanDiff: number, lo: number, hi: number): PairedComparison => ({ n: 40, meanDiff, ci95: [lo, hi], better: 20, worse: 20 });

describe('shippingVerdict', () => {
  it('ships a candidate better on validation and not worse at full resolution', () => {
    const v = shippingVerdict(paired(-0.1, -0.18, -0.03), paired(-0.05, -0.5, 0.4));
    expect(v.ship).toBe(true);
    expect(v.reasons.every((r) => r.startsWith('met'))).toBe(true);
  });

  it('refuses when the validation interval reaches zero (v14 in v4’s place: −0.13 [−0.27, +0.01])', () => {
    const v = shippingVerdict(paired(-0.13, -0.27, 0.01), paired(0, -0.5, 0.5));
    expect(v.ship).toBe(false);
    expect(v.reasons[0]).toMatch(/^NOT met: validation/);
  });

  it('refuses a candidate clearly worse on the full-resolution radiographs, however good on validation', () => {
    // v14 in v4's place on the 40: +0.99 [+0.10, +1.89].
    expect(shippingVerdict(paired(-0.5, -0.6, -0.4), paired(0.99, 0.1, 1.89)).reasons.filter((r) => r.startsWith('NOT'))).toHaveLength(2);
    // As a fourth member: +0.43 [−0.13, +0.99]: not significant, but more worsening than the rule tolerates.
    const fourth = shippingVerdict(paired(-0.1, -0.18, -0.03), paired(0.43, -0.13, 0.99));
    expect(fourth.ship).toBe(false);
    expect(fourth.reasons[2]).toMatch(/^NOT met: full resolution: \+0\.43/);
  });

  it('takes the tolerated worsening from the rule', () => {
    expect(shippingVerdict(paired(-0.1, -0.18, -0.03), paired(0.43, -0.13, 0.99), { fullresMaxWorse: 0.5 }).ship).toBe(true);
  });
});
