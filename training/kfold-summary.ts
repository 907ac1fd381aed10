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
