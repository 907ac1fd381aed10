/** Paired comparison of two methods' absolute errors on the same cases: with 40 cases two MAEs alone
 *  say little; the per-case difference and its spread say whether one is really better. */
export interface PairedComparison {
  n: number;
  /** Mean of (b − a): negative = b has the smaller errors. */
  meanDiff: number;
  /** 95 % confidence interval of meanDiff (t distribution, n − 1 degrees of freedom). */
  ci95: [number, number];
  /** Cases where b's error is smaller / larger than a's (ties left out). */
  better: number;
  worse: number;
}

/** Two-sided 97.5 % quantile of Student's t for `df` degrees of freedom (table up to 30, then a
 *  Cornish–Fisher approximation, good to 3 decimals). */
export function tQuantile975(df: number): number {
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
  if (df < 1) return NaN;
  if (df <= 30) return table[df - 1];
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

export function pairedComparison(a: number[], b: number[]): PairedComparison {
  if (a.length !== b.length || a.length < 2) throw new Error('pairedComparison: need two equal arrays of at least 2 cases.');
  const n = a.length;
  const d = a.map((v, i) => b[i] - v);
  const mean = d.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = tQuantile975(n - 1) * (sd / Math.sqrt(n));
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n, meanDiff: r(mean), ci95: [r(mean - half), r(mean + half)], better: d.filter((v) => v < 0).length, worse: d.filter((v) => v > 0).length };
}

/** A paired figure as the reports print it: "+0.43" (two decimals, ASCII sign, so it pastes anywhere). */
export function signedFigure(v: number): string {
  return (v >= 0 ? '+' : '') + v.toFixed(2);
}

/** "mean [low, high]" of a paired comparison, e.g. "-0.10 [-0.18, -0.03]". */
export function pairedInterval(p: Pick<PairedComparison, 'meanDiff' | 'ci95'>): string {
  return `${signedFigure(p.meanDiff)} [${signedFigure(p.ci95[0])}, ${signedFigure(p.ci95[1])}]`;
}
