import { describe, expect, it } from 'vitest';
import { kfoldCheck, pooledFigures, summariseFolds } from '../../training/kfold-summary';

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

describe('pooledFigures', () => {
  // Two folds' out-of-fold estimates: errors +6 and −6 (boys, 0–9 y), +12 and −24 (girls, 10–18 y).
  const rows = [
    { id: 'a', boneage: 60, predicted: 66, male: true },
    { id: 'b', boneage: 100, predicted: 94, male: true },
    { id: 'c', boneage: 150, predicted: 162, male: false },
    { id: 'd', boneage: 180, predicted: 156, male: false },
  ];
  it('scores every case once, overall and by sex × age band', () => {
    const p = pooledFigures(rows);
    expect(p).toMatchObject({ n: 4, mae_months: 12, bias_months: -3, within_12_months: 0.75 });
    expect(p.rmse_months).toBeCloseTo(Math.sqrt((36 + 36 + 144 + 576) / 4), 3);
    expect(p.subgroups!['M 0-9y']).toMatchObject({ n: 2, mae_months: 6, bias_months: 0 });
    expect(p.subgroups!['F 10-18y']).toMatchObject({ n: 2, mae_months: 18, bias_months: -6, within_12_months: 0.5 });
    expect(p.subgroups!['F 0-9y']).toBeUndefined();
  });
  it('refuses a case estimated twice (overlapping folds) and a row without the sex', () => {
    expect(() => pooledFigures([...rows, rows[0]])).toThrow(/case a was estimated by two folds/);
    expect(() => pooledFigures([{ id: 'x', boneage: 1, predicted: 2 }])).toThrow(/case x has no sex/);
    expect(() => pooledFigures([])).toThrow(/no estimates/);
  });
});

describe('kfoldCheck', () => {
  const summary = { ...summariseFolds([fold(0, 10.214), fold(1, 9.9)]), pooled: { n: 40, mae_months: 10.05, rmse_months: 13, bias_months: 0.4, within_12_months: 0.7 } };
  it('records the pooled figures, each fold\'s MAE and the training options without how they ran', () => {
    const args = ['--epochs', '12', '--layers', '24x3p,48x3', '--workers', '2', '--keep-epochs', '--resume', '--sex', '--backend', 'wasm', '--note-me', 'a b'];
    const c = kfoldCheck(summary, args, '2-fold CV of the recipe', '2026-12-02');
    expect(c.name).toBe('2-fold CV of the recipe');
    expect(c.describes).toBe('recipe'); // shown apart from the checks of the card's own weights
    expect(c.figures).toBe(summary.pooled);
    expect(c.note).toBe('40 cases, each estimated once by the one of 2 networks that did not train on it (its last epoch, no selection on its fold); '
      + 'per-fold MAE 10.21, 9.90 months (mean 10.06, SD 0.22). Training options: --epochs 12 --layers 24x3p,48x3 --sex --note-me "a b". Measured 2026-12-02 by training/kfold.ts.');
  });
  it('says so when the defaults were trained', () => {
    expect(kfoldCheck(summary, ['--resume'], 'x', 'd').note).toContain('Training options: (defaults).');
  });
});
