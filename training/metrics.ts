import { subgroupKeysOf } from '../core/model/subgroups';
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

export interface SubgroupCase {
  male: boolean;
  boneAgeMonths: number;
  predicted: number;
}

/** Figures by sex × age band (0–9 and 10–18 years of reference bone age, as in BoNet's Table 6),
 *  plus each band over both sexes. Bands with no case are left out. */
export function subgroupFigures(cases: SubgroupCase[]): Record<string, ValidationFigures> {
  const groups = new Map<string, SubgroupCase[]>();
  for (const c of cases) {
    for (const key of subgroupKeysOf(c.male, c.boneAgeMonths)) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(c);
    }
  }
  const out: Record<string, ValidationFigures> = {};
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    out[key] = regressionFigures(g.map((c) => c.predicted), g.map((c) => c.boneAgeMonths));
  }
  return out;
}

/** Regression figures overall plus subgroupFigures, as a model card's `validation` keeps them. */
export function figuresWithSubgroups(predicted: ArrayLike<number>, truth: ArrayLike<number>, male: ArrayLike<boolean>): ValidationFigures {
  const subgroups = subgroupFigures(Array.from(truth, (m, i) => ({ male: male[i], boneAgeMonths: m, predicted: predicted[i] })));
  return { ...regressionFigures(predicted, truth), subgroups };
}

/** Each map cell's mean absolute error against the reference ages, summarised over the cells
 *  (min, median, max). `maps[i]` is case i's map (cells in any fixed order). */
export function cellErrorSummary(maps: ArrayLike<number>[], truth: ArrayLike<number>): { min: number; median: number; max: number } {
  const n = truth.length;
  if (n === 0 || maps.length !== n) throw new Error('cellErrorSummary: need one map per case.');
  const cells = maps[0].length;
  const sums = new Float64Array(cells);
  for (let i = 0; i < n; i++) {
    if (maps[i].length !== cells) throw new Error('cellErrorSummary: maps differ in size.');
    for (let c = 0; c < cells; c++) sums[c] += Math.abs(maps[i][c] - truth[i]);
  }
  const mae = Array.from(sums, (s) => s / n).sort((a, b) => a - b);
  const mid = mae.length >> 1;
  const median = mae.length % 2 ? mae[mid] : (mae[mid - 1] + mae[mid]) / 2;
  const r = (v: number) => Math.round(v * 10) / 10;
  return { min: r(mae[0]), median: r(median), max: r(mae[mae.length - 1]) };
}

/** How concentrated learned cell weights are (OutputSpec.reduce 'weighted'), over the cases: the median
 *  effective number of cells (1 / Σw², N for equal weights, 1 for one cell), the median largest weight,
 *  and the mean weight of each cell in percent (row-major, to read as a map). */
export function cellWeightSummary(weights: ArrayLike<number>[]): { effective_cells_median: number; max_weight_median: number; mean_weight_percent: number[] } {
  if (weights.length === 0) throw new Error('cellWeightSummary: no cases.');
  const cells = weights[0].length;
  const mean = new Float64Array(cells);
  const effective: number[] = [];
  const largest: number[] = [];
  for (const w of weights) {
    if (w.length !== cells) throw new Error('cellWeightSummary: maps differ in size.');
    let sq = 0;
    let max = 0;
    for (let c = 0; c < cells; c++) {
      sq += w[c] * w[c];
      max = Math.max(max, w[c]);
      mean[c] += w[c] / weights.length;
    }
    effective.push(1 / sq);
    largest.push(max);
  }
  const median = (xs: number[]) => {
    const s = xs.slice().sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  return {
    effective_cells_median: Math.round(median(effective) * 10) / 10,
    max_weight_median: Math.round(median(largest) * 1000) / 1000,
    mean_weight_percent: Array.from(mean, (v) => Math.round(v * 1000) / 10),
  };
}
