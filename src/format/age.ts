/** Bone age in months → what the page shows: "10 y 4 m (124.3 months)". */
export interface FormattedAge {
  /** Whole years and months, from the estimate rounded to the nearest month: "10 y 4 m". */
  yearsMonths: string;
  /** One decimal: "124.3 months". */
  months: string;
  /** Both: "10 y 4 m (124.3 months)". */
  text: string;
}

export function formatBoneAge(months: number): FormattedAge {
  if (!Number.isFinite(months)) return { yearsMonths: '—', months: '— months', text: '— (no estimate)' };
  const whole = Math.round(Math.abs(months));
  const sign = months < 0 && whole > 0 ? '−' : '';
  const years = Math.floor(whole / 12);
  const rest = whole % 12;
  const yearsMonths = `${sign}${years} y ${rest} m`;
  const monthsText = `${months.toFixed(1)} months`;
  return { yearsMonths, months: monthsText, text: `${yearsMonths} (${monthsText})` };
}

/** Milliseconds for the timing readout: "38 ms", "1.2 s" above ten seconds. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Months as a short legend label: "118 m". */
export function formatMonthsShort(months: number): string {
  return `${Math.round(months)} m`;
}
