/** An age typed as years and months → whole months; null when both are empty ("use the dates");
 *  'invalid' unless each is a whole number in range (years 0–25, months 0–11). Each field is checked on
 *  its own: 1 y −1 m or 0.5 y 6 m are refused rather than read as 11 or 12 months. */
export function typedAgeMonths(years: string, months: string): number | null | 'invalid' {
  const y = years.trim(), m = months.trim();
  if (y === '' && m === '') return null;
  const whole = (text: string, max: number): number | null => {
    if (text === '') return 0;
    const n = Number(text);
    return Number.isInteger(n) && n >= 0 && n <= max ? n : null;
  };
  const wy = whole(y, 25), wm = whole(m, 11);
  return wy === null || wm === null ? 'invalid' : wy * 12 + wm;
}
