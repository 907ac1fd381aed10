import { describe, expect, it } from 'vitest';
import { typedAgeMonths } from '../../../src/age/typed-age';

describe('typedAgeMonths', () => {
  it('reads years and months as whole months; an empty field counts as 0, both empty as no typed age', () => {
    expect(typedAgeMonths('9', '11')).toBe(119);
    expect(typedAgeMonths('10', '')).toBe(120);
    expect(typedAgeMonths('', '7')).toBe(7);
    expect(typedAgeMonths(' 0 ', '0')).toBe(0);
    expect(typedAgeMonths('', ' ')).toBeNull();
  });
  it('refuses each field out of range or not whole, rather than reading the total', () => {
    for (const [y, m] of [['1', '-1'], ['0.5', '6'], ['26', '0'], ['3', '12'], ['-1', '13'], ['x', '1'], ['1e1', '0.5']]) {
      expect(typedAgeMonths(y, m), `${y} y ${m} m`).toBe('invalid');
    }
  });
});
