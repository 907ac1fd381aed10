/** Plain box arithmetic shared by training, evaluation and the page. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const area = (r: Rect) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);

export function iou(a: Rect, b: Rect): number {
  const inter = area({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

export const centreOf = (r: Rect) => ({ x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 });

export function centreDistance(a: Rect, b: Rect): number {
  const p = centreOf(a);
  const q = centreOf(b);
  return Math.hypot(p.x - q.x, p.y - q.y);
}

/** The smallest rectangle holding all of `rects`. */
export function unionRect(rects: Rect[]): Rect {
  if (rects.length === 0) throw new Error('unionRect of no rectangles.');
  return {
    x0: Math.min(...rects.map((r) => r.x0)),
    y0: Math.min(...rects.map((r) => r.y0)),
    x1: Math.max(...rects.map((r) => r.x1)),
    y1: Math.max(...rects.map((r) => r.y1)),
  };
}

export const diagonal = (r: Rect) => Math.hypot(r.x1 - r.x0, r.y1 - r.y0);
