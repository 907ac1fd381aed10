import { mapMean } from './age-map';
import type { AgeMap } from './types';

export interface PullingCell {
  row: number;
  col: number;
  months: number;
  /** cell − mean of the map. */
  deltaMonths: number;
  /** Its pull on the estimate: weight × (cell − mean), the weight being 1/N on a plain-mean map. */
  contributionMonths: number;
}

/**
 * The cells that pull the estimate most. The estimate is the (weighted) mean of the N cells, so a cell's
 * pull is its share of the deviation: w · (cell − mean), w = 1/N for a plain mean or the cell's learned
 * weight — the estimate would move by about that much if the cell read the mean instead. Largest pull
 * first (on a plain mean: largest |cell − mean|); ties keep row-major order.
 */
export function pullingCells(map: AgeMap, count: number): PullingCell[] {
  const mean = mapMean(map);
  const n = map.months.length;
  const cells: PullingCell[] = [];
  for (let i = 0; i < n; i++) {
    const delta = map.months[i] - mean;
    cells.push({ row: Math.floor(i / map.cols), col: i % map.cols, months: map.months[i], deltaMonths: delta, contributionMonths: delta * (map.weights ? map.weights[i] : 1 / n) });
  }
  return cells.sort((a, b) => Math.abs(b.contributionMonths) - Math.abs(a.contributionMonths)).slice(0, Math.max(0, count));
}
