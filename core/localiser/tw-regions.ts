import type { Rect } from './geometry';
import type { SlotBox } from './types';

/** The TW3 regions: the 13 RUS bones and the carpal region. */
export type TwRegionId =
  | 'radius' | 'ulna'
  | 'metacarpal1' | 'metacarpal3' | 'metacarpal5'
  | 'proximal1' | 'proximal3' | 'proximal5'
  | 'middle3' | 'middle5'
  | 'distal1' | 'distal3' | 'distal5'
  | 'carpals';

export interface TwRegion extends Rect {
  id: TwRegionId;
  /** The name TW3 uses. */
  name: string;
  group: 'RUS' | 'Carpal';
  /** The annotation slot the box comes from (e.g. "MCP3"). */
  source: string;
  /** True when the box is placed by rule rather than taken from a box (only metacarpal 1, see below). */
  derived: boolean;
  score: number;
}

/**
 * How long the first metacarpal is relative to the thumb's proximal phalanx (adult hand proportions, roughly
 * 1.3 : 1). Used only to place metacarpal 1's base, which no annotation box contains.
 */
export const THUMB_METACARPAL_TO_PROXIMAL = 1.3;

/**
 * Annotation boxes (canonical slot order, see canonicalOrder / the localiser's output) → the 14 TW3 regions.
 *
 * Anatomy (left hand, PA view). A TW3 RUS bone is scored on its epiphysis, and each annotated joint box holds
 * the epiphyses on either side of that joint:
 *  - Phalangeal epiphyses sit at the PROXIMAL end (base) of each phalanx, so
 *      distal phalanx 3, 5  → the DIP box of finger 3, 5;
 *      middle phalanx 3, 5  → the PIP box of finger 3, 5;
 *      proximal phalanx 3, 5 → the MCP box of finger 3, 5;
 *      distal phalanx 1 (thumb) → the thumb's interphalangeal joint, annotated as "PIP" finger 1 (the thumb has
 *        no middle phalanx);
 *      proximal phalanx 1 → the thumb's MCP box.
 *  - Metacarpals 2–5 have their epiphysis at the DISTAL end (head), so metacarpal 3, 5 → the MCP box of
 *    finger 3, 5, the same box as proximal phalanx 3, 5.
 *  - Metacarpal 1 is the exception: its epiphysis is at its BASE, at the first carpometacarpal joint beside the
 *    trapezium, which none of the 17 boxes covers. Its region is derived: a box the size of the thumb's MCP box,
 *    moved from the thumb MCP centre away from the thumb IP joint by THUMB_METACARPAL_TO_PROXIMAL times the
 *    IP–MCP distance (i.e. one metacarpal length down the thumb ray). Flagged `derived`; its score is halved.
 *  - Radius and ulna: their distal epiphyses, the Radius and Ulna boxes.
 *  - Carpal region (TW3 carpal score: capitate, hamate, triquetral, lunate, scaphoid, trapezium, trapezoid):
 *    the Wrist box.
 * Fingers are numbered 1 (thumb) to 5 (little finger), as the canonical slots are.
 */
export function twRegions(boxes: SlotBox[]): TwRegion[] {
  const find = (name: string) => {
    const b = boxes.find((x) => x.slot.name === name);
    if (!b) throw new Error(`twRegions needs the ${name} box.`);
    return b;
  };
  const from = (id: TwRegionId, name: string, source: string, group: TwRegion['group'] = 'RUS'): TwRegion => {
    const b = find(source);
    return { id, name, group, source, derived: false, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, score: b.score };
  };
  const ip1 = find('PIP1');
  const mcp1 = find('MCP1');
  const c = (b: Rect) => ({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 });
  const [pi, pm] = [c(ip1), c(mcp1)];
  const k = THUMB_METACARPAL_TO_PROXIMAL;
  const base = { x: pm.x + k * (pm.x - pi.x), y: pm.y + k * (pm.y - pi.y) };
  const [hw, hh] = [(mcp1.x1 - mcp1.x0) / 2, (mcp1.y1 - mcp1.y0) / 2];
  return [
    from('radius', 'Radius', 'Radius'),
    from('ulna', 'Ulna', 'Ulna'),
    { id: 'metacarpal1', name: 'Metacarpal I', group: 'RUS', source: 'MCP1, PIP1', derived: true, x0: base.x - hw, y0: base.y - hh, x1: base.x + hw, y1: base.y + hh, score: Math.min(mcp1.score, ip1.score) / 2 },
    from('metacarpal3', 'Metacarpal III', 'MCP3'),
    from('metacarpal5', 'Metacarpal V', 'MCP5'),
    from('proximal1', 'Proximal phalanx I', 'MCP1'),
    from('proximal3', 'Proximal phalanx III', 'MCP3'),
    from('proximal5', 'Proximal phalanx V', 'MCP5'),
    from('middle3', 'Middle phalanx III', 'PIP3'),
    from('middle5', 'Middle phalanx V', 'PIP5'),
    from('distal1', 'Distal phalanx I', 'PIP1'),
    from('distal3', 'Distal phalanx III', 'DIP3'),
    from('distal5', 'Distal phalanx V', 'DIP5'),
    from('carpals', 'Carpal region', 'Wrist', 'Carpal'),
  ];
}
