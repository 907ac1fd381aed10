import { assessIntervals, calibrate, calibrateBands, type CalibrationCase, type IntervalAssessment, type IntervalCalibration, type RepeatedHalves } from '../../core/uncertainty/interval';
import { makeRng } from '../qc/rng';

/** One validation case as calibrate:interval measured it: the estimate and its per-case spread signals. */
export interface MeasuredCase {
  male: boolean;
  truth: number;
  estimate: number;
  /** Standard deviation of the age map's cells (months). */
  mapSpread: number;
  /** Standard deviation over shifted readings (months); NaN when not measured. */
  ttaSpread: number;
}

export type Method = IntervalCalibration['method'];

/** Offsets (months) tried for the spread-scaled methods: each uses the one narrowest on its calibration cases. */
export const OFFSETS = [0.5, 1, 2, 3, 5, 8, 12, 20, 40];
/** Mondrian conformal over bands of estimated age (errors differ between infants and adolescents). */
export const BAND_EDGES = [60, 120, 168];
/** Cheapest at inference first: a per-case signal has to earn its keep (TTA costs four more passes per case). */
export const SIMPLEST_FIRST: Method[] = ['constant', 'age-band', 'map-spread', 'tta'];

export function casesFor(ms: MeasuredCase[], method: Method): Array<CalibrationCase & { male: boolean }> {
  return ms.map((m) => ({ male: m.male, truth: m.truth, estimate: m.estimate, spread: method === 'tta' ? m.ttaSpread : method === 'map-spread' ? m.mapSpread : 0 }));
}

/** A method's calibration on `calib` (at its narrowest offset), and that width on `calib`. */
export function fitMethod(calib: MeasuredCase[], method: Method, coverage: number): { cal: IntervalCalibration; calibWidth: number } {
  if (method === 'age-band') {
    const cal = calibrateBands(casesFor(calib, method), BAND_EDGES, coverage);
    return { cal, calibWidth: assessIntervals(casesFor(calib, method), cal).meanWidthMonths };
  }
  const tries = (method === 'constant' ? [1] : OFFSETS).map((o) => {
    const cal = calibrate(casesFor(calib, method), method, o, coverage);
    return { cal, calibWidth: assessIntervals(casesFor(calib, method), cal).meanWidthMonths };
  });
  return tries.sort((a, b) => a.calibWidth - b.calibWidth)[0];
}

/** The cases in a seeded random order, cut in two halves (the first one calibrates). */
export function seededHalves<T>(xs: T[], seed: number): [T[], T[]] {
  const rng = makeRng(seed);
  const order = xs.map((x) => ({ x, k: rng() })).sort((a, b) => a.k - b.k).map((o) => o.x);
  const half = Math.floor(order.length / 2);
  return [order.slice(0, half), order.slice(half)];
}

/** The method fitted on one half and measured on the other, over `repeats` random halvings: what one
 *  recorded half cannot say (its coverage moves by a few percent with the cut). */
export function repeatedHalves(ms: MeasuredCase[], method: Method, coverage: number, repeats: number): RepeatedHalves {
  const cover: number[] = [], width: number[] = [];
  for (let seed = 1; seed <= repeats; seed++) {
    const [calib, test] = seededHalves(ms, seed);
    const a = assessIntervals(casesFor(test, method), fitMethod(calib, method, coverage).cal);
    cover.push(a.coverage);
    width.push(a.meanWidthMonths);
  }
  const sorted = [...cover].sort((x, y) => x - y);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  return { repeats, meanCoverage: mean(cover), p5Coverage: at(0.05), p95Coverage: at(0.95), meanWidthMonths: mean(width) };
}

export interface Candidate {
  method: Method;
  /** Fitted on the recorded calibration half. */
  cal: IntervalCalibration;
  /** Measured on the recorded test half. */
  test: IntervalAssessment;
  repeated: RepeatedHalves;
}

/**
 * Each method fitted on `calib` and measured on `test` (the halves the card records), and over random
 * halvings of both together; the chosen one is the simplest whose mean width over the halvings is within 2%
 * of the narrowest. Choosing on the halvings rather than on the one recorded cut: on v12's validation
 * split the age bands were 1 month narrower than one width on the recorded cut and 0.4 wider on average.
 */
export function chooseInterval(calib: MeasuredCase[], test: MeasuredCase[], methods: Method[], coverage: number, repeats: number): { candidates: Candidate[]; chosen: Candidate } {
  const candidates = methods.map((method): Candidate => {
    const { cal } = fitMethod(calib, method, coverage);
    return { method, cal, test: assessIntervals(casesFor(test, method), cal), repeated: repeatedHalves([...calib, ...test], method, coverage, repeats) };
  });
  const narrowest = Math.min(...candidates.map((c) => c.repeated.meanWidthMonths));
  const chosen = SIMPLEST_FIRST.map((m) => candidates.find((c) => c.method === m)).find((c) => c && c.repeated.meanWidthMonths <= narrowest * 1.02);
  if (!chosen) throw new Error('chooseInterval: no method to choose from.');
  return { candidates, chosen };
}
