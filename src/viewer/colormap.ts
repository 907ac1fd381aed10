/** Viridis (perceptually uniform, colour-blind safe), as 11 evenly spaced stops of matplotlib's map. */
const VIRIDIS: ReadonlyArray<readonly [number, number, number]> = [
  [68, 1, 84],
  [72, 36, 117],
  [65, 68, 135],
  [53, 95, 141],
  [42, 120, 142],
  [33, 145, 140],
  [34, 168, 132],
  [68, 191, 112],
  [122, 209, 81],
  [189, 223, 38],
  [253, 231, 37],
];

export type Rgb = [number, number, number];

/** t in [0, 1] (clamped; NaN → 0) → viridis colour, linearly interpolated between stops. */
export function viridis(t: number): Rgb {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = VIRIDIS[i];
  const b = VIRIDIS[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as Rgb;
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** A CSS linear-gradient of the colormap, low values at the start (left, or bottom with `to top`). */
export function viridisGradientCss(direction = 'to right', stops = 11): string {
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const t = i / (stops - 1);
    parts.push(`${rgbCss(viridis(t))} ${(t * 100).toFixed(1)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** The value range a map is coloured over. A flat map gets a ±0.5 month range so it shows mid-scale. */
export function valueRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  if (max - min < 1e-6) return { min: min - 0.5, max: max + 0.5 };
  return { min, max };
}

/** Where a value sits in a range, 0..1. */
export function normalise(value: number, range: { min: number; max: number }): number {
  return (value - range.min) / (range.max - range.min);
}
