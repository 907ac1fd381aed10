import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../core/model/types';
import { mapCellText } from '../../../src/components/map-cell-text';

const card = (validation?: ModelCard['validation']) => ({ validation }) as ModelCard;

describe('mapCellText', () => {
  it("gives the card's measured per-cell error beside the mean's", () => {
    const text = mapCellText(card({ n: 10, mae_months: 10.18, rmse_months: 13, bias_months: 0, within_12_months: 0.7, cell_mae_months: { min: 28.2, median: 32.6, max: 174.8 } }));
    expect(text).toMatch(/not an age estimate of its own/);
    expect(text).toMatch(/off by 28–175 months on average \(median cell 33\), against 10\.2 for the mean/);
  });

  it('says a cell is no age estimate even when the card has no per-cell figure', () => {
    for (const c of [null, card(), card({ n: 1, mae_months: 9, rmse_months: 9, bias_months: 0, within_12_months: 1 })]) {
      const text = mapCellText(c);
      expect(text).toMatch(/not an age estimate of its own\.$/);
      expect(text).not.toMatch(/off by/);
    }
  });

  it('says the cells are weighted on a model with learned cell weights, and not otherwise', () => {
    const weighted = { output: { reduce: 'weighted' } } as ModelCard;
    expect(mapCellText(weighted)).toMatch(/weighted by a confidence the network learned/);
    expect(mapCellText(card())).not.toMatch(/weighted/);
  });
});
