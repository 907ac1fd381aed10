import type { LearnedRoi } from '../../core/roi';
import type { Rgb } from './colormap';
import type { OverlayTarget } from './overlay';
import { roiColour } from './roi-colours';

/** Below this share of its peak a projection is not painted: the faint tails would veil the whole hand. */
export const HEAT_FLOOR = 0.15;

/**
 * A projection's |reconstruction| (0..1) as RGBA in one colour: transparent below `floor`, then
 * alpha rising linearly to `opacity` at the peak.
 */
export function heatRgba(heat: Float32Array, [r, g, b]: Rgb, opacity: number, floor = HEAT_FLOOR): Uint8ClampedArray {
  const out = new Uint8ClampedArray(heat.length * 4);
  for (let i = 0; i < heat.length; i++) {
    const t = (heat[i] - floor) / (1 - floor);
    if (!(t > 0)) continue;
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = Math.round(255 * Math.min(1, t) * opacity);
  }
  return out;
}

/**
 * Paints learned ROIs over the image: each projection's heat stretched over the whole image (the
 * model saw the whole image squashed to its input), then its box and number. Weakest first, so the
 * strongest activation's projection is on top.
 */
export function drawLearnedRois(ctx: CanvasRenderingContext2D, rois: LearnedRoi[], target: OverlayTarget, opacity: number): void {
  const a = target.toCanvas({ x: 0, y: 0 });
  const b = target.toCanvas({ x: target.imageWidth, y: target.imageHeight });
  const scratch = document.createElement('canvas');
  const sctx = scratch.getContext('2d');
  ctx.save();
  for (let i = rois.length - 1; i >= 0; i--) {
    const roi = rois[i];
    const colour = roiColour(i);
    if (sctx && opacity > 0) {
      scratch.width = roi.heat.width;
      scratch.height = roi.heat.height;
      const rgba = heatRgba(roi.heat.data, colour, opacity);
      sctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, roi.heat.width, roi.heat.height), 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(scratch, a.x, a.y, b.x - a.x, b.y - a.y);
    }
  }
  ctx.lineWidth = 2;
  ctx.font = 'bold 13px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  for (let i = rois.length - 1; i >= 0; i--) {
    const [r, g, bl] = roiColour(i);
    const p = target.toCanvas({ x: rois[i].box.x0, y: rois[i].box.y0 });
    const q = target.toCanvas({ x: rois[i].box.x1, y: rois[i].box.y1 });
    ctx.strokeStyle = `rgb(${r}, ${g}, ${bl})`;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.strokeRect(Math.min(p.x, q.x), Math.min(p.y, q.y), Math.abs(q.x - p.x), Math.abs(q.y - p.y));
    ctx.fillText(String(i + 1), Math.min(p.x, q.x) + 2, Math.min(p.y, q.y) - 1);
  }
  ctx.restore();
}
