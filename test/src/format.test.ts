import { describe, expect, it } from 'vitest';
import { formatBoneAge, formatMs } from '../../src/format/age';

describe('formatBoneAge', () => {
  it('shows years and months and the unrounded months', () => {
    expect(formatBoneAge(124.3).text).toBe('10 y 4 m (124.3 months)');
    expect(formatBoneAge(0).text).toBe('0 y 0 m (0.0 months)');
    expect(formatBoneAge(11.6).text).toBe('1 y 0 m (11.6 months)');
    expect(formatBoneAge(228).yearsMonths).toBe('19 y 0 m');
  });

  it('rounds to the nearest month for the years-and-months part, never showing 12 m', () => {
    expect(formatBoneAge(131.5).yearsMonths).toBe('11 y 0 m');
    expect(formatBoneAge(131.49).yearsMonths).toBe('10 y 11 m');
    for (let m = 0; m < 300; m += 0.37) expect(formatBoneAge(m).yearsMonths).not.toMatch(/ 12 m$/);
  });

  it('does not hide odd outputs of a model', () => {
    expect(formatBoneAge(-5.2).text).toBe('−0 y 5 m (-5.2 months)');
    expect(formatBoneAge(Number.NaN).text).toContain('—');
  });
});

describe('formatMs', () => {
  it('keeps a useful precision', () => {
    expect(formatMs(3.456)).toBe('3.5 ms');
    expect(formatMs(250.4)).toBe('250 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
  });
});
