import type { ValidationFigures } from '../core/model/types';

/** Regression figures in months, as the evaluate command and the model card report them. */
export function regressionFigures(predicted: ArrayLike<number>, truth: ArrayLike<number>): ValidationFigures {
  const n = truth.length;
  if (n === 0 || predicted.length !== n) throw new Error('regressionFigures: need equal, non-empty arrays.');
  let ae = 0, se = 0, bias = 0, within = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - truth[i];
    ae += Math.abs(e);
    se += e * e;
    bias += e;
    if (Math.abs(e) <= 12) within++;
  }
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { n, mae_months: r(ae / n), rmse_months: r(Math.sqrt(se / n)), bias_months: r(bias / n), within_12_months: r(within / n) };
}
