import type { ModelCheck, ValidationFigures } from '../core/model/types';
import { figuresWithSubgroups } from './metrics';
import type { PredictionRow } from './reports/compare-predictions';

export interface FoldResult {
  fold: number;
  /** Validation MAE of the fold's last epoch (no selection on the fold). */
  mae_months: number;
  /** The best epoch's validation MAE on the same fold (selected on it, so optimistic). */
  best_mae_months: number;
  epochs: number;
  model: string;
}

/** The k-fold summary: folds, mean and sample standard deviation (n − 1) of the per-fold MAE. */
export function summariseFolds(folds: FoldResult[]): { folds: FoldResult[]; mean_mae_months: number; sd_mae_months: number } {
  if (folds.length === 0) throw new Error('summariseFolds: no folds.');
  const maes = folds.map((f) => f.mae_months);
  const mean = maes.reduce((a, b) => a + b, 0) / maes.length;
  const sd = maes.length > 1 ? Math.sqrt(maes.reduce((a, v) => a + (v - mean) ** 2, 0) / (maes.length - 1)) : 0;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { folds, mean_mae_months: r(mean), sd_mae_months: r(sd) };
}

/** The figures of the folds' out-of-fold estimates pooled (every case estimated once, by the model that
 *  did not train on it): overall and by sex × age band. Each row must carry the sex; a case twice is refused. */
export function pooledFigures(rows: PredictionRow[]): ValidationFigures {
  if (rows.length === 0) throw new Error('pooledFigures: no estimates.');
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.id)) throw new Error(`pooledFigures: case ${r.id} was estimated by two folds; the folds must not overlap.`);
    seen.add(r.id);
    if (typeof r.male !== 'boolean') throw new Error(`pooledFigures: case ${r.id} has no sex recorded.`);
  }
  return figuresWithSubgroups(rows.map((r) => r.predicted), rows.map((r) => r.boneage), rows.map((r) => r.male!));
}

/** Options that say how a k-fold run ran, not what it trained: left out of the recipe a check records. */
const NOT_RECIPE = new Map([['--resume', 0], ['--keep-epochs', 0], ['--workers', 1], ['--backend', 1]]);

/** The pooled out-of-fold figures as a card check (`kfold --record-check`): what was cross-validated (the
 *  training options), each fold's MAE, their mean and SD. It describes the recipe, not the weights of the
 *  card it is written into (`describes: 'recipe'`, which the page shows under its own heading). */
export function kfoldCheck(summary: ReturnType<typeof summariseFolds> & { pooled: ValidationFigures }, trainArgs: string[], name: string, date: string): ModelCheck {
  const recipe: string[] = [];
  for (let i = 0; i < trainArgs.length; i++) {
    const skip = NOT_RECIPE.get(trainArgs[i]);
    if (skip === undefined) recipe.push(/\s/.test(trainArgs[i]) ? `"${trainArgs[i]}"` : trainArgs[i]);
    else i += skip;
  }
  const k = summary.folds.length;
  const maes = summary.folds.map((f) => f.mae_months.toFixed(2)).join(', ');
  return {
    name,
    describes: 'recipe',
    figures: summary.pooled,
    note: `${summary.pooled.n} cases, each estimated once by the one of ${k} networks that did not train on it (its last epoch, no selection on its fold); ` +
      `per-fold MAE ${maes} months (mean ${summary.mean_mae_months.toFixed(2)}, SD ${summary.sd_mae_months.toFixed(2)}). ` +
      `Training options: ${recipe.join(' ') || '(defaults)'}. Measured ${date} by training/kfold.ts.`,
  };
}
