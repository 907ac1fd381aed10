import { describe, expect, it } from 'vitest';
import { summariseFolds } from '../../training/kfold-summary';

const fold = (k: number, mae: number) => ({ fold: k, mae_months: mae, best_mae_months: mae - 1, epochs: 3, model: `runs/fold-${k}/model` });

describe('summariseFolds', () => {
  it('gives the mean and the sample SD of the per-fold (last-epoch) MAE', () => {
    const s = summariseFolds([fold(0, 10), fold(1, 12), fold(2, 14), fold(3, 16), fold(4, 18)]);
    expect(s.mean_mae_months).toBe(14);
    expect(s.sd_mae_months).toBeCloseTo(Math.sqrt(10), 3); // deviations ±4, ±2, 0 → 40 / 4
    expect(s.folds).toHaveLength(5);
  });
  it('refuses no folds', () => {
    expect(() => summariseFolds([])).toThrow(/no folds/);
  });
});
