import type { AgeMap } from '../../core/model/types';
import { cellRect } from './cells';
import { normalise, viridis, type Rgb } from './colormap';

export interface OverlayTarget {
  /** Image pixel coordinates → canvas pixel coordinates (cornerstone.pixelToCanvas). */
  toCanvas: (p: { x: number; y: number }) => { x: number; y: number };
  imageWidth: number;
  imageHeight: number;
}

/**
 * Paints the age map over the image: each cell's even share of the image, in the colour of its
 * months on `range`, at `opacity`. Corners are rounded to whole canvas pixels so neighbouring
 * cells share edges (no seams, no double-painted lines).
 */
export function drawAgeMap(
  ctx: CanvasRenderingContext2D,
  map: AgeMap,
  target: OverlayTarget,
  range: { min: number; max: number },
  opacity: number,
  colour: (t: number) => Rgb = viridis,
): void {
  ctx.save();
  ctx.globalAlpha = Math.min(1, Math.max(0, opacity));
  for (let r = 0; r < map.rows; r++) {
    for (let c = 0; c < map.cols; c++) {
      const rect = cellRect(r, c, map.rows, map.cols, target.imageWidth, target.imageHeight);
      const a = target.toCanvas({ x: rect.x0, y: rect.y0 });
      const b = target.toCanvas({ x: rect.x1, y: rect.y1 });
      const x0 = Math.round(Math.min(a.x, b.x));
      const x1 = Math.round(Math.max(a.x, b.x));
      const y0 = Math.round(Math.min(a.y, b.y));
      const y1 = Math.round(Math.max(a.y, b.y));
      const [red, green, blue] = colour(normalise(map.months[r * map.cols + c], range));
      ctx.fillStyle = `rgb(${red}, ${green}, ${blue})`;
      ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    }
  }
  ctx.restore();
}
