/** Wording for ages and scores in the comparison and the report. */

/** 119 → "9 years 11 months"; 12 → "1 year 0 months"; rounds to the nearest whole month. */
export function yearsMonthsLong(months: number): string {
  if (!Number.isFinite(months)) return 'unknown';
  const whole = Math.round(Math.abs(months));
  const sign = months < 0 && whole > 0 ? '-' : '';
  const y = Math.floor(whole / 12);
  const m = whole % 12;
  return `${sign}${y} ${y === 1 ? 'year' : 'years'} ${m} ${m === 1 ? 'month' : 'months'}`;
}

/** A signed number with a fixed number of decimals. `minus`: the character for negative values
 *  (the page uses "−"; report text uses ASCII "-" so it survives any reporting system). */
export function signed(x: number, decimals: number, minus = '−'): string {
  const text = Math.abs(x).toFixed(decimals);
  if (Number(text) === 0) return (0).toFixed(decimals);
  return `${x < 0 ? minus : '+'}${text}`;
}
