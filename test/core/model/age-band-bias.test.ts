import { describe, expect, it } from 'vitest';
import { ageBandBiasText } from '../../../core/model/age-band-bias';
import type { ValidationFigures } from '../../../core/model/types';

const fig = (n: number, bias: number): ValidationFigures => ({ n, mae_months: 9, rmse_months: 12, bias_months: bias, within_12_months: 0.7 });
const validation = (young: number, old: number): ValidationFigures => ({ ...fig(1721, 0), subgroups: { 'all 0-9y': fig(589, young), 'all 10-18y': fig(1132, old) } });

describe('ageBandBiasText', () => {
  it('says how far each band reads from the reference, on how many cases, and that estimates are pulled to the middle', () => {
    expect(ageBandBiasText(validation(3.88, -2.02))).toBe(
      'Measured on its validation cases: below 10 years of bone age the estimate reads on average 3.9 months older than the reference (n = 589), '
      + 'from 10 years 2.0 months younger (n = 1132). Estimates are pulled toward the middle of the age range: a very young or very mature skeleton is read nearer the middle than it is.',
    );
  });
  it('names the other direction, and a one-sided bias without either clause', () => {
    expect(ageBandBiasText(validation(-2, 1.5))).toMatch(/2\.0 months younger .* 1\.5 months older .* pushed away from the middle/);
    const oneSided = ageBandBiasText(validation(2.5, 0.5))!;
    expect(oneSided).toMatch(/2\.5 months older .* 0\.5 months older \(n = 1132\)\.$/);
  });
  it('says nothing when both biases are under a month or the card has no band figures', () => {
    expect(ageBandBiasText(validation(0.9, -0.4))).toBeNull();
    expect(ageBandBiasText(fig(100, 3))).toBeNull();
    expect(ageBandBiasText(undefined)).toBeNull();
    expect(ageBandBiasText({ ...fig(10, 0), subgroups: { 'all 0-9y': fig(5, 4) } })).toBeNull();
  });
});
