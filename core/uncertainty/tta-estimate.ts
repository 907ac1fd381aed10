import type { AgeMap, Estimate, OutputSpec, SexEstimate } from '../model/types';

/** The shifts averaged by test-time augmentation: the unshifted plane first, then the others. */
export type TtaShifts = Array<[number, number]>;

/** A named shift set, as a model card's output.tta names it. */
export type TtaName = NonNullable<OutputSpec['tta']>;

/** Shift sets measured on the validation thumbnails (training/reports/tta-study.ts --limit 800,
 *  bonet-rsna100, paired change of the absolute error): 'axis1' = the plane and its four ±1 px axis
 *  shifts (5 passes, −0.65 months [−0.94, −0.35]); 'grid1' = the 3×3 grid of ±1 px shifts (9 passes,
 *  −0.70 [−1.06, −0.35]). ±3 px axis shifts (TTA_SHIFTS) gain as much as ±1 (−0.66), ±2 px less (−0.47). */
export const TTA_SHIFT_SETS: Record<TtaName, TtaShifts> = {
  axis1: [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]],
  grid1: [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]],
};

function meanMap(maps: AgeMap[]): AgeMap {
  const { rows, cols } = maps[0];
  const months = new Float32Array(rows * cols);
  for (const m of maps) {
    if (m.rows !== rows || m.cols !== cols) throw new Error('averageEstimates: age maps of different sizes.');
    for (let i = 0; i < months.length; i++) months[i] += m.months[i] / maps.length;
  }
  if (!maps.every((m) => m.weights)) return { rows, cols, months };
  const weights = new Float32Array(rows * cols);
  for (const m of maps) for (let i = 0; i < weights.length; i++) weights[i] += m.weights![i] / maps.length;
  return { rows, cols, months, weights };
}

function meanReading(readings: SexEstimate[]): SexEstimate {
  return { boneAgeMonths: readings.reduce((s, r) => s + r.boneAgeMonths, 0) / readings.length, map: meanMap(readings.map((r) => r.map)) };
}

/** One estimate from several of the same image (shifted copies): bone age and age map averaged,
 *  per sex too when every estimate has both readings. Pure. */
export function averageEstimates(estimates: Estimate[]): Estimate {
  if (estimates.length === 0) throw new Error('averageEstimates: no estimates.');
  const out: Estimate = { ...meanReading(estimates), sexUsed: estimates[0].sexUsed };
  if (estimates.every((e) => e.bySex)) {
    out.bySex = { male: meanReading(estimates.map((e) => e.bySex!.male)), female: meanReading(estimates.map((e) => e.bySex!.female)) };
  }
  return out;
}
