import { describe, expect, it } from 'vitest';
import { regressionFigures } from '../../training/metrics';

describe('regressionFigures', () => {
  it('computes MAE, RMSE, bias and the fraction within 12 months', () => {
    const f = regressionFigures([110, 130, 100, 150], [100, 130, 120, 138]);
    expect(f).toEqual({ n: 4, mae_months: 10.5, rmse_months: Math.round(Math.sqrt((100 + 0 + 400 + 144) / 4) * 1000) / 1000, bias_months: 0.5, within_12_months: 0.75 });
  });
  it('refuses mismatched input', () => {
    expect(() => regressionFigures([1], [1, 2])).toThrow();
  });
});
