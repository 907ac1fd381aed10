/**
 * Recalibrating age estimates after the fact: a piecewise-linear map from the network's estimate to the
 * expected reference age, E[reference | estimate], fitted by least squares (a hinge basis: intercept, slope,
 * and a change of slope at each knot). Cross-fitted over the k folds' out-of-fold estimates, so each case
 * is corrected by a map fitted without it. Pure; training/reports/calibration-study.ts prints the study.
 */

export interface CalibrationRow {
  /** The network's estimate and the reference bone age, months. */
  predicted: number;
  boneage: number;
  male: boolean;
  /** The fold whose network estimated the case (it is corrected by a map fitted on the other folds). */
  fold: number;
}

const basis = (x: number, knots: readonly number[]): number[] => [1, x, ...knots.map((k) => Math.max(0, x - k))];

/** Solves A c = b (A square) by Gaussian elimination with partial pivoting; throws when A is singular. */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) throw new Error('solveLinear: singular system (too few cases between two knots?).');
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / m[r][r];
  }
  return x;
}

/** Fewest estimates above a knot for its change of slope to be fitted (below that it is left at 0: one
 *  sex of one fold may have no estimate past 16 y). */
export const MIN_CASES_PAST_KNOT = 10;

/** Least-squares coefficients of the hinge basis (estimate in years inside, for conditioning); a knot with
 *  fewer than MIN_CASES_PAST_KNOT estimates above it gets no change of slope (coefficient 0). */
export function fitHinge(estimates: readonly number[], references: readonly number[], knots: readonly number[]): number[] {
  const used = knots.map((k) => estimates.filter((e) => e > k).length >= MIN_CASES_PAST_KNOT);
  const fitted = fitHingeOn(estimates, references, knots.filter((_, i) => used[i]));
  let next = 2;
  return [fitted[0], fitted[1], ...used.map((u) => (u ? fitted[next++] : 0))];
}

function fitHingeOn(estimates: readonly number[], references: readonly number[], knots: readonly number[]): number[] {
  const p = knots.length + 2;
  const ata = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const atb = new Array<number>(p).fill(0);
  estimates.forEach((e, i) => {
    const row = basis(e / 12, knots.map((k) => k / 12));
    for (let r = 0; r < p; r++) {
      atb[r] += row[r] * references[i];
      for (let c = 0; c < p; c++) ata[r][c] += row[r] * row[c];
    }
  });
  return solveLinear(ata, atb);
}

/** The fitted map applied to one estimate (months in, months out). */
export function applyHinge(coefficients: readonly number[], knots: readonly number[], estimate: number): number {
  return basis(estimate / 12, knots.map((k) => k / 12)).reduce((s, v, i) => s + v * coefficients[i], 0);
}

/** Every case's corrected estimate, by a map fitted on the other folds' cases (by sex: one map per sex). */
export function crossFittedEstimates(rows: readonly CalibrationRow[], knots: readonly number[], bySex: boolean): number[] {
  const folds = [...new Set(rows.map((r) => r.fold))];
  if (folds.length < 2) throw new Error('crossFittedEstimates: needs the estimates of at least two folds.');
  const group = (r: CalibrationRow) => (bySex ? String(r.male) : 'all');
  const out = new Array<number>(rows.length);
  for (const fold of folds) {
    for (const g of new Set(rows.map(group))) {
      const fit = rows.filter((r) => r.fold !== fold && group(r) === g);
      const c = fitHinge(fit.map((r) => r.predicted), fit.map((r) => r.boneage), knots);
      rows.forEach((r, i) => {
        if (r.fold === fold && group(r) === g) out[i] = applyHinge(c, knots, r.predicted);
      });
    }
  }
  return out;
}

export interface BandBias { from: number; to: number; n: number; bias: number; mae: number }

/** Mean signed (estimate − reference) and absolute error by band of `by` (months; bands [edges[i], edges[i+1])),
 *  cases outside the edges left out; empty bands have no row. */
export function biasByBand(estimates: readonly number[], references: readonly number[], by: readonly number[], edges: readonly number[]): BandBias[] {
  const bands: BandBias[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    let n = 0, bias = 0, mae = 0;
    by.forEach((v, i) => {
      if (v >= edges[b] && v < edges[b + 1]) {
        n++;
        bias += estimates[i] - references[i];
        mae += Math.abs(estimates[i] - references[i]);
      }
    });
    if (n) bands.push({ from: edges[b], to: edges[b + 1], n, bias: bias / n, mae: mae / n });
  }
  return bands;
}
