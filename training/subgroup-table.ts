import { SUBGROUP_ROWS } from '../core/model/subgroups';
import type { ValidationFigures } from '../core/model/types';

/**
 * A markdown table of the figures evaluate measures: `subgroups` as subgroupFigures returns them and
 * `overall` for the last row. A subgroup with no case shows n = 0 and dashes.
 */
export function subgroupTable(overall: ValidationFigures, subgroups: Record<string, ValidationFigures>): string {
  const f = (v: number) => v.toFixed(1);
  const row = (label: string, g: ValidationFigures | undefined) =>
    g ? `| ${label} | ${g.n} | ${f(g.mae_months)} | ${f(g.rmse_months)} | ${g.bias_months >= 0 ? '+' : '−'}${f(Math.abs(g.bias_months))} | ${f(100 * g.within_12_months)} % |`
      : `| ${label} | 0 | – | – | – | – |`;
  return [
    '| group | n | MAE (months) | RMSE (months) | bias (months) | within 12 months |',
    '|---|---:|---:|---:|---:|---:|',
    ...SUBGROUP_ROWS.map(([key, label]) => row(label, subgroups[key])),
    row('all', overall),
  ].join('\n');
}
