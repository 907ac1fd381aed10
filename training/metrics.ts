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
  const band = (m: number) => (m < 120 ? '0-9y' : '10-18y');
  const groups = new Map<string, SubgroupCase[]>();
  for (const c of cases) {
    for (const key of [`${c.male ? 'M' : 'F'} ${band(c.boneAgeMonths)}`, `all ${band(c.boneAgeMonths)}`]) {
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
