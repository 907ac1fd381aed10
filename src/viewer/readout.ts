/** A window value as the corner readout shows it: whole numbers from 100 up, three significant digits below. */
export function formatWindowValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 100) return String(Math.round(v));
  return String(Number(v.toPrecision(3)));
}

/** Scale as a zoom percentage: "100 %" is one screen pixel per image pixel. */
export function formatZoom(scale: number): string {
  return Number.isFinite(scale) ? `${Math.round(scale * 100)} %` : '—';
}
