import { describe, expect, it } from 'vitest';
import { cosineWithWarmup } from '../../training/schedule';

describe('cosineWithWarmup', () => {
  it('warms up linearly, peaks, then decays to 2% of the peak', () => {
    const lrs = Array.from({ length: 1000 }, (_, s) => cosineWithWarmup(s, 1000, 1));
    expect(lrs[0]).toBeCloseTo(1 / 30, 6);
    expect(lrs[29]).toBeCloseTo(1, 6);
    expect(Math.max(...lrs)).toBeCloseTo(1, 6);
    expect(lrs[999]).toBeCloseTo(0.02, 3);
    for (let s = 31; s < 1000; s++) expect(lrs[s]).toBeLessThanOrEqual(lrs[s - 1]);
  });
});
