import { describe, expect, it } from 'vitest';
import { cellErrorSummary, cellWeightSummary, regressionFigures, subgroupFigures } from '../../training/metrics';

describe('regressionFigures', () => {
  it('computes MAE, RMSE, bias and the fraction within 12 months', () => {
    const f = regressionFigures([110, 130, 100, 150], [100, 130, 120, 138]);
    expect(f).toEqual({ n: 4, mae_months: 10.5, rmse_months: Math.round(Math.sqrt((100 + 0 + 400 + 144) / 4) * 1000) / 1000, bias_months: 0.5, within_12_months: 0.75 });
  });
  it('refuses mismatched input', () => {
    expect(() => regressionFigures([1], [1, 2])).toThrow();
  });
});

describe('subgroupFigures', () => {
  it('splits by sex and the 10-year band, with both sexes per band', () => {
    const g = subgroupFigures([
      { male: true, boneAgeMonths: 60, predicted: 70 },
      { male: false, boneAgeMonths: 100, predicted: 96 },
      { male: true, boneAgeMonths: 150, predicted: 130 },
      { male: true, boneAgeMonths: 119.9, predicted: 119.9 },
    ]);
    expect(Object.keys(g)).toEqual(['F 0-9y', 'M 0-9y', 'M 10-18y', 'all 0-9y', 'all 10-18y']);
    expect(g['M 0-9y']).toMatchObject({ n: 2, mae_months: 5, bias_months: 5 });
    expect(g['all 0-9y']).toMatchObject({ n: 3, bias_months: 2 });
    expect(g['M 10-18y']).toMatchObject({ n: 1, mae_months: 20, bias_months: -20, within_12_months: 0 });
  });
});

describe('cellErrorSummary', () => {
  it("summarises each cell's mean absolute error over the cases: min, median, max", () => {
    // Three cells over two cases (truth 100, 200): cell errors are |0|,|0| → 0; |10|,|30| → 20; |−50|,|−70| → 60.
    const maps = [
      [100, 110, 50],
      [200, 230, 130],
    ];
    expect(cellErrorSummary(maps, [100, 200])).toEqual({ min: 0, median: 20, max: 60 });
    // Even cell count: the median is the mean of the middle two.
    expect(cellErrorSummary([[1, 2, 3, 4]], [0])).toEqual({ min: 1, median: 2.5, max: 4 });
  });

  it('refuses maps that do not match the cases', () => {
    expect(() => cellErrorSummary([[1, 2]], [1, 2])).toThrow();
    expect(() => cellErrorSummary([[1, 2], [1]], [1, 2])).toThrow();
  });
});

describe('cellWeightSummary', () => {
  it('gives the effective number of cells, the largest weight (medians) and the mean map in percent', () => {
    const even = [0.25, 0.25, 0.25, 0.25];
    const peaked = [0.7, 0.1, 0.1, 0.1];
    const s = cellWeightSummary([even, peaked, peaked]);
    expect(s.effective_cells_median).toBeCloseTo(1 / 0.52, 1); // 1 / (0.49 + 3·0.01)
    expect(s.max_weight_median).toBe(0.7);
    expect(s.mean_weight_percent).toEqual([55, 15, 15, 15]);
    expect(cellWeightSummary([even]).effective_cells_median).toBe(4);
    expect(() => cellWeightSummary([])).toThrow();
  });
});
