import type { SlotBox } from '../../core/localiser/types';
import type { SideObservation } from './side-features';

/**
 * Left/right evidence from the QC classifier and the TW-region localiser, as numbers a rule or a logistic
 * combination can use. Positive = evidence for a left hand shown as a PA view (thumb on the image's right).
 */

/** Where the localiser put the radius, the ulna and the thumb, as fractions of the image width. */
export interface LayoutSignal {
  /** Radius centre x − ulna centre x (> 0 on a left hand: radius on the image's right). */
  radiusMinusUlna: number;
  /** Thumb MCP centre x − mean centre x of MCP2–5 (> 0 on a left hand). */
  thumbOffset: number;
  /** Mean of the 17 boxes' scores (the IoU the localiser expects to reach). */
  meanScore: number;
}

export function layoutSignal(boxes: SlotBox[], width: number): LayoutSignal {
  const cx = (name: string) => {
    const b = boxes.find((x) => x.slot.name === name);
    if (!b) throw new Error(`layoutSignal needs the ${name} box.`);
    return (b.x0 + b.x1) / 2 / width;
  };
  const fingers = [2, 3, 4, 5].map((f) => cx(`MCP${f}`));
  return {
    radiusMinusUlna: cx('Radius') - cx('Ulna'),
    thumbOffset: cx('MCP1') - fingers.reduce((a, v) => a + v, 0) / fingers.length,
    meanScore: boxes.reduce((a, b) => a + b.score, 0) / boxes.length,
  };
}

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/** The candidate features, named (index 2 of the QC probabilities is "mirrored", 0 is "ok"). */
export const SIDE_FEATURES = ['mirrorTta', 'scoreGap', 'radiusMinusUlna', 'thumbOffset', 'okTta'] as const;
export type SideFeature = (typeof SIDE_FEATURES)[number];

/**
 * One image's features. `mirrorTta` = logit P(mirrored | its mirror) − logit P(mirrored | image) and `scoreGap` =
 * the localiser's mean score on the image − on its mirror are antisymmetric: mirroring the image negates them.
 * `okTta` = logit P(ok | image) − logit P(ok | mirror), likewise.
 */
export function sideFeatures(o: SideObservation, width: number): Record<SideFeature, number> {
  const here = layoutSignal(o.boxes, width), mirror = layoutSignal(o.boxesFlipped, width);
  return {
    mirrorTta: logit(o.probsFlipped[2]) - logit(o.probs[2]),
    scoreGap: here.meanScore - mirror.meanScore,
    radiusMinusUlna: here.radiusMinusUlna,
    thumbOffset: here.thumbOffset,
    okTta: logit(o.probs[0]) - logit(o.probsFlipped[0]),
  };
}

/** A logistic model over standardised features: score = b + Σ w_i (x_i − mean_i) / sd_i. */
export interface Logistic {
  features: string[];
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

export function logisticScore(m: Logistic, x: number[]): number {
  return x.reduce((s, v, i) => s + m.weights[i] * (v - m.mean[i]) / m.sd[i], m.bias);
}

/** Fits a logistic regression (Newton's method, L2 penalty `l2` on the weights, not the bias). */
export function fitLogistic(features: string[], X: number[][], y: number[], l2 = 1e-2, iterations = 50): Logistic {
  const k = features.length, n = X.length;
  if (n === 0 || y.length !== n) throw new Error('fitLogistic needs as many labels as rows, and at least one row.');
  const mean = features.map((_, j) => X.reduce((a, r) => a + r[j], 0) / n);
  const sd = features.map((_, j) => Math.sqrt(X.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / n) || 1);
  const Z = X.map((r) => [...r.map((v, j) => (v - mean[j]) / sd[j]), 1]);
  const w = new Array(k + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array(k + 1).fill(0);
    const H = Array.from({ length: k + 1 }, () => new Array(k + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-Z[i].reduce((a, v, j) => a + v * w[j], 0)));
      for (let a = 0; a <= k; a++) {
        g[a] += (p - y[i]) * Z[i][a] / n;
        for (let b = 0; b <= k; b++) H[a][b] += p * (1 - p) * Z[i][a] * Z[i][b] / n;
      }
    }
    for (let a = 0; a < k; a++) { g[a] += l2 * w[a]; H[a][a] += l2; }
    H[k][k] += 1e-9;
    const step = solve(H, g);
    for (let a = 0; a <= k; a++) w[a] -= step[a];
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { features, mean, sd, weights: w.slice(0, k), bias: w[k] };
}

/** Gaussian elimination with partial pivoting (small symmetric systems). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length, M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) x[r] = (M[r][n] - M[r].slice(r + 1, n).reduce((a, v, j) => a + v * x[r + 1 + j], 0)) / M[r][r];
  return x;
}
