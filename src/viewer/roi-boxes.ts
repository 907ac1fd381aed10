import type { RoiLabel, SlotBox } from '../../core/localiser/types';

/** One colour per label, readable on a dark radiograph and distinct from the age map's viridis. */
export const ROI_COLOURS: Record<RoiLabel, string> = {
  DIP: '#ff7f50',
  PIP: '#ffd700',
  MCP: '#7fff7f',
  Radius: '#ff69b4',
  Ulna: '#87cefa',
  Wrist: '#dda0dd',
};

export interface DrawnBox {
  name: string;
  label: RoiLabel;
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  colour: string;
}

/**
 * The boxes to draw, in canvas pixels: only labels switched on, corners mapped through `toCanvas`
 * (cornerstone's pixelToCanvas, so pan, zoom and flips of the viewport are followed).
 */
export function drawnBoxes(boxes: SlotBox[], shown: Record<RoiLabel, boolean>, toCanvas: (p: { x: number; y: number }) => { x: number; y: number }): DrawnBox[] {
  return boxes
    .filter((b) => shown[b.label])
    .map((b) => {
      const a = toCanvas({ x: b.x0, y: b.y0 });
      const c = toCanvas({ x: b.x1, y: b.y1 });
      return {
        name: b.slot.name,
        label: b.label,
        x: Math.min(a.x, c.x),
        y: Math.min(a.y, c.y),
        width: Math.abs(c.x - a.x),
        height: Math.abs(c.y - a.y),
        score: b.score,
        colour: ROI_COLOURS[b.label],
      };
    });
}
