import type { RoiBox, RoiLabel } from '../../core/localiser/types';

/**
 * A schematic left hand (PA, fingers up, thumb on the right) as 17 annotation boxes in a 1000×1200 frame,
 * with each finger joint tagged by its finger (1 = thumb) so tests can check the canonical order.
 * Fingers fan out from the wrist at (500, 900); `spreadDeg` is the angle between neighbouring fingers.
 */
export function schematicHand(spreadDeg = 12): Array<RoiBox & { finger: number | null }> {
  const wrist = { x: 500, y: 900 };
  const box = (label: RoiLabel, x: number, y: number, half: number, finger: number | null) => ({ label, x0: x - half, y0: y - half, x1: x + half, y1: y + half, score: 1, finger });
  const out: Array<RoiBox & { finger: number | null }> = [];
  for (let f = 1; f <= 5; f++) {
    // Thumb (1) rightmost, little finger (5) leftmost; the thumb is shorter and leans out further.
    const deg = f === 1 ? 2.5 * spreadDeg : (3 - f) * spreadDeg + spreadDeg / 2;
    const a = (deg * Math.PI) / 180;
    const at = (r: number) => ({ x: wrist.x + r * Math.sin(a), y: wrist.y - r * Math.cos(a) });
    const radii = f === 1 ? { MCP: 250, PIP: 400 } : { MCP: 350, PIP: 550, DIP: 680 };
    for (const [label, r] of Object.entries(radii)) {
      const p = at(r);
      out.push(box(label as RoiLabel, p.x, p.y, 30, f));
    }
  }
  out.push(box('Radius', 560, 1050, 50, null), box('Ulna', 420, 1060, 40, null), box('Wrist', 500, 920, 110, null));
  return out;
}

/** Rotates boxes' centres by `deg` about (cx, cy) (sizes kept) and optionally mirrors x about cx. */
export function moveHand<T extends RoiBox>(boxes: T[], deg: number, mirror: boolean, cx = 500, cy = 600): T[] {
  const a = (deg * Math.PI) / 180;
  return boxes.map((b) => {
    const [hw, hh] = [(b.x1 - b.x0) / 2, (b.y1 - b.y0) / 2];
    let x = (b.x0 + b.x1) / 2 - cx;
    const y = (b.y0 + b.y1) / 2 - cy;
    if (mirror) x = -x;
    const nx = cx + x * Math.cos(a) - y * Math.sin(a);
    const ny = cy + x * Math.sin(a) + y * Math.cos(a);
    return { ...b, x0: nx - hw, x1: nx + hw, y0: ny - hh, y1: ny + hh };
  });
}
