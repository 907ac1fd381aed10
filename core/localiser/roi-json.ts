import type { RoiBox } from './types';

/** The public JSON shape of one box (CLI lines, page data): label, corners to 0.1 px, score to 3 decimals. */
export function roiJson(b: RoiBox): RoiBox {
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return { label: b.label, x0: r1(b.x0), y0: r1(b.y0), x1: r1(b.x1), y1: r1(b.y1), score: Math.round(b.score * 1000) / 1000 };
}
