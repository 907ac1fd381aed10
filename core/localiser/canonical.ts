import { ROI_SLOTS } from './constants';
import type { RoiBox, SlotBox } from './types';

const centre = (b: RoiBox) => ({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 });

/**
 * Puts a hand's 17 annotated boxes (any order, as in the XML) into the canonical slot order, giving each
 * finger joint its finger from the geometry alone:
 *  - the hand's axis runs from the Wrist box centre to the mean centre of the MCP boxes;
 *  - the thumb side is the side of that axis the Radius lies on (the radius is on the thumb side of the
 *    forearm), so mirrored or rotated radiographs are ordered the same way;
 *  - joints of one label are ordered by their angle about the wrist centre, from the thumb side round to
 *    the little-finger side (fingers fan out from the wrist, so this holds for spread and closed hands).
 * Throws when the hand does not have exactly DIP×4, PIP×5, MCP×5 and one each of Radius, Ulna, Wrist.
 */
export function canonicalOrder(boxes: RoiBox[]): SlotBox[] {
  const byLabel = new Map<string, RoiBox[]>();
  for (const b of boxes) byLabel.set(b.label, [...(byLabel.get(b.label) ?? []), b]);
  const want: Record<string, number> = { DIP: 4, PIP: 5, MCP: 5, Radius: 1, Ulna: 1, Wrist: 1 };
  for (const [label, n] of Object.entries(want)) {
    const got = byLabel.get(label)?.length ?? 0;
    if (got !== n) throw new Error(`Expected ${n} ${label} box${n > 1 ? 'es' : ''}, found ${got}.`);
  }
  if (boxes.length !== 17) throw new Error(`Expected 17 boxes, found ${boxes.length}.`);
  const wrist = centre(byLabel.get('Wrist')![0]);
  const mcps = byLabel.get('MCP')!.map(centre);
  const up = { x: mcps.reduce((a, p) => a + p.x, 0) / 5 - wrist.x, y: mcps.reduce((a, p) => a + p.y, 0) / 5 - wrist.y };
  const radius = centre(byLabel.get('Radius')![0]);
  const ulna = centre(byLabel.get('Ulna')![0]);
  // Cross product sign: which side of the axis the radius (thumb side) is on, relative to the ulna.
  const side = (p: { x: number; y: number }) => up.x * (p.y - wrist.y) - up.y * (p.x - wrist.x);
  const thumbSign = side(radius) - side(ulna) >= 0 ? 1 : -1;
  const angle = (b: RoiBox) => {
    const c = centre(b);
    const v = { x: c.x - wrist.x, y: c.y - wrist.y };
    // Signed angle from the axis, positive toward the thumb.
    return thumbSign * Math.atan2(up.x * v.y - up.y * v.x, up.x * v.x + up.y * v.y);
  };
  const ordered = new Map<string, RoiBox[]>();
  for (const [label, list] of byLabel) ordered.set(label, list.slice().sort((a, b) => angle(b) - angle(a)));
  const taken = new Map<string, number>();
  return ROI_SLOTS.map((slot) => {
    const k = taken.get(slot.label) ?? 0;
    taken.set(slot.label, k + 1);
    return { ...ordered.get(slot.label)![k], slot };
  });
}
