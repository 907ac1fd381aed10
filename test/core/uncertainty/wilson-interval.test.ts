import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../core/uncertainty/wilson-interval';

describe('wilsonInterval', () => {
  it('matches the textbook figures and narrows with n', () => {
    // 192 of 222 (86.5%): 81.4% to 90.4%.
    const a = wilsonInterval(192, 222);
    expect(a.lo).toBeCloseTo(0.8136, 3);
    expect(a.hi).toBeCloseTo(0.9037, 3);
    // 8 of 10: 49.0% to 94.3% (Wilson 1927, as tabulated by Newcombe 1998).
    expect(wilsonInterval(8, 10).lo).toBeCloseTo(0.490, 3);
    expect(wilsonInterval(8, 10).hi).toBeCloseTo(0.943, 3);
    const wide = wilsonInterval(90, 100), narrow = wilsonInterval(900, 1000);
    expect(narrow.hi - narrow.lo).toBeLessThan((wide.hi - wide.lo) / 3);
  });

  it('stays inside [0, 1] at the ends and refuses nonsense', () => {
    expect(wilsonInterval(40, 40).hi).toBe(1);
    expect(wilsonInterval(40, 40).lo).toBeGreaterThan(0.9);
    expect(wilsonInterval(0, 5).lo).toBe(0);
    expect(() => wilsonInterval(1, 0)).toThrow(/n > 0/);
    expect(() => wilsonInterval(6, 5)).toThrow();
  });
});
