import { subgroupKeysOf } from '../model/subgroups';
import type { AgeMap, Estimate } from '../model/types';

/** How an estimate's interval is made: half-width = q · (offsetMonths + spread), where `spread` is the
 *  case's own uncertainty signal (see `method`) in months; for `age-band`, half-width = the q of the band
 *  the estimate falls in. Written by `npm run calibrate:interval` into the model card's `interval` field. */
export interface IntervalCalibration {
  /** `map-spread`: standard deviation of the age map's cells; `tta`: standard deviation of the
   *  estimates of the image shifted by `shifts`; `constant`: no per-case signal (spread = 0);
   *  `age-band`: a separate conformal quantile per band of estimated age (Mondrian conformal). */
  method: 'map-spread' | 'tta' | 'constant' | 'age-band';
  /** Nominal coverage, e.g. 0.9. */
  coverage: number;
  q: number;
  offsetMonths: number;
  /** Pixel shifts of the model's input plane, for `tta`. */
  shifts?: Array<[number, number]>;
  /** For `age-band`: band edges in months (ascending) and one half-width per band (edges + 1 of them). */
  bandEdges?: number[];
  bandQ?: number[];
  /** For a model that reads the child's sex: the calibration for estimates read without it (the mean
   *  of the boy and girl readings), whose errors are larger. Absent: no interval for such a reading. */
  withoutSex?: IntervalCalibration;
  /** How it was calibrated and what it covered on cases it was not calibrated on (as recorded). */
  calibration?: CalibrationRecord;
}

/** Coverage of the nominal interval on a set of cases, and its mean width. */
export interface IntervalAssessment {
  n: number;
  coverage: number;
  meanWidthMonths: number;
}

/** The calibration procedure (fit on one half, measure on the other) over many random halvings. */
export interface RepeatedHalves {
  repeats: number;
  meanCoverage: number;
  /** 5th and 95th percentiles of the coverage over the halvings. */
  p5Coverage: number;
  p95Coverage: number;
  meanWidthMonths: number;
}

/** What `calibrate:interval` records beside a calibration (older cards have fewer of these). */
export interface CalibrationRecord {
  data?: string;
  chosenBy?: string;
  /** The held-out half of the validation split. */
  testHalf?: IntervalAssessment;
  /** The same half by sex × age band of the reference bone age (core/model/subgroups.ts keys): the
   *  nominal coverage holds over all cases, not necessarily within each group. */
  testHalfBySubgroup?: Record<string, IntervalAssessment>;
  /** The 40 full-resolution radiographs. */
  fullRes40?: IntervalAssessment | null;
  /** The same method over random halvings of the validation split (one recorded half can be lucky). */
  repeatedHalves?: RepeatedHalves;
  date?: string;
}

/** The calibration that applies to an estimate, given which of the model's readings it is: a reading
 *  without the sex on a model that reads sex has its own (null when the card has none for it). */
export function calibrationFor(cal: IntervalCalibration, sexUsed: Estimate['sexUsed']): IntervalCalibration | null {
  return sexUsed === 'average' ? (cal.withoutSex ?? null) : cal;
}

export interface AgeInterval {
  lo: number;
  hi: number;
  coverage: number;
}

/** Standard deviation of a list of numbers (population form); with `weights` (summing to 1), the
 *  weighted standard deviation around the weighted mean. */
export function spreadOf(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const w = (i: number) => (weights ? weights[i] : 1 / n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += w(i) * values[i];
  let sq = 0;
  for (let i = 0; i < n; i++) sq += w(i) * (values[i] - mean) ** 2;
  return Math.sqrt(sq);
}

/** The age map's spread: the standard deviation of its cells, in months — weighted by the cells'
 *  learned weights when the map has them (the spread around the estimate the weights make). */
export function mapSpread(map: AgeMap): number {
  return spreadOf(map.months, map.weights);
}

/** Which age band an estimate falls in: the number of edges at or below it. */
export function bandOf(estimate: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && estimate >= edges[b]) b++;
  return b;
}

export function halfWidth(estimate: number, spread: number, cal: IntervalCalibration): number {
  if (cal.method === 'age-band') {
    if (!cal.bandEdges || !cal.bandQ || cal.bandQ.length !== cal.bandEdges.length + 1) throw new Error('An age-band interval needs bandEdges and one bandQ more.');
    return cal.bandQ[bandOf(estimate, cal.bandEdges)];
  }
  return cal.q * (cal.offsetMonths + (cal.method === 'constant' ? 0 : spread));
}

/** The interval around an estimate; bone age cannot be negative. */
export function intervalOf(estimate: number, spread: number, cal: IntervalCalibration): AgeInterval {
  const h = halfWidth(estimate, spread, cal);
  return { lo: Math.max(0, estimate - h), hi: estimate + h, coverage: cal.coverage };
}

/** Split-conformal quantile: the ⌈(n+1)·coverage⌉-th smallest score. With n calibration cases this
 *  covers a new exchangeable case with probability ≥ coverage. Infinity when n is too small. */
export function conformalQuantile(scores: ArrayLike<number>, coverage: number): number {
  if (!(coverage > 0 && coverage < 1)) throw new Error('coverage must be between 0 and 1.');
  const sorted = Float64Array.from(scores).sort();
  const k = Math.ceil((sorted.length + 1) * coverage);
  return k > sorted.length ? Infinity : sorted[k - 1];
}

export interface CalibrationCase {
  truth: number;
  estimate: number;
  spread: number;
}

/** q for a method and offset from calibration cases: the conformal quantile of |error| / (offset + spread). */
export function calibrate(cases: CalibrationCase[], method: IntervalCalibration['method'], offsetMonths: number, coverage: number): IntervalCalibration {
  const unit = (c: CalibrationCase) => offsetMonths + (method === 'constant' ? 0 : c.spread);
  const scores = cases.map((c) => Math.abs(c.truth - c.estimate) / unit(c));
  return { method, coverage, q: conformalQuantile(scores, coverage), offsetMonths };
}

/** Mondrian (per-band) split conformal: in each band of estimated age, the conformal quantile of |error|. */
export function calibrateBands(cases: CalibrationCase[], edges: number[], coverage: number): IntervalCalibration {
  const bandQ = Array.from({ length: edges.length + 1 }, (_, b) =>
    conformalQuantile(cases.filter((c) => bandOf(c.estimate, edges) === b).map((c) => Math.abs(c.truth - c.estimate)), coverage));
  return { method: 'age-band', coverage, q: 1, offsetMonths: 0, bandEdges: edges, bandQ };
}

/** Coverage and mean width of a calibration on (other) cases. */
export function assessIntervals(cases: CalibrationCase[], cal: IntervalCalibration): IntervalAssessment {
  let hit = 0, width = 0;
  for (const c of cases) {
    const iv = intervalOf(c.estimate, c.spread, cal);
    if (c.truth >= iv.lo && c.truth <= iv.hi) hit++;
    width += iv.hi - iv.lo;
  }
  return { n: cases.length, coverage: hit / cases.length, meanWidthMonths: width / cases.length };
}

/** assessIntervals within each sex × age band of the reference bone age (and each band over both sexes);
 *  groups without cases are left out. */
export function assessBySubgroup(cases: Array<CalibrationCase & { male: boolean }>, cal: IntervalCalibration): Record<string, IntervalAssessment> {
  const groups = new Map<string, CalibrationCase[]>();
  for (const c of cases) {
    for (const key of subgroupKeysOf(c.male, c.truth)) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(c);
    }
  }
  return Object.fromEntries([...groups.keys()].sort().map((key) => [key, assessIntervals(groups.get(key)!, cal)]));
}
