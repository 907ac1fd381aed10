import { describe, expect, it } from 'vitest';
import { cosineWithWarmup, inverseTimeDecay } from '../../training/schedule';

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

describe('inverseTimeDecay', () => {
  it('is lr0 at step 0, halves at t = 1/decay, and decreases every step', () => {
    expect(inverseTimeDecay(0, 0.002)).toBe(0.002);
    expect(inverseTimeDecay(5000, 0.002)).toBeCloseTo(0.001, 12);
    expect(inverseTimeDecay(10_000, 0.002, 1e-4)).toBeCloseTo(0.001, 12);
    expect(inverseTimeDecay(1, 0.002)).toBeCloseTo(0.002 / 1.0002, 12);
    for (let t = 1; t < 50_000; t += 997) expect(inverseTimeDecay(t, 0.002)).toBeLessThan(inverseTimeDecay(t - 1, 0.002));
  });
});
