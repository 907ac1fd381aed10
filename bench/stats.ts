/** Small statistics for benchmark scripts. */

/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** min, 10th percentile, median, 90th percentile, max: how noisy the runs were. */
export function summarise(xs: readonly number[]): Record<'min' | 'p10' | 'median' | 'p90' | 'max', number> {
  return {
    min: round(Math.min(...xs)),
    p10: round(percentile(xs, 10)),
    median: round(median(xs)),
    p90: round(percentile(xs, 90)),
    max: round(Math.max(...xs)),
  };
}
