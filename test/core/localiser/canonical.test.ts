import { describe, expect, it } from 'vitest';
import { canonicalOrder } from '../../../core/localiser/canonical';
import { ROI_SLOTS } from '../../../core/localiser/constants';
import { mulberry32, shuffleInPlace } from '../../../training/data/split';
import { moveHand, schematicHand } from '../../helpers/schematic-hand';

const fingersOf = (boxes: ReturnType<typeof schematicHand>) => canonicalOrder(shuffleInPlace(boxes.slice(), mulberry32(3))).map((b) => `${b.slot.name}:${(b as unknown as { finger: number | null }).finger}`);
const expected = ROI_SLOTS.map((s) => `${s.name}:${s.finger}`);

describe('canonicalOrder', () => {
  it('orders a shuffled hand by label, then thumb → little finger', () => {
    expect(fingersOf(schematicHand())).toEqual(expected);
  });

  it('gives the same finger order for a mirrored and for a rotated hand (thumb found from the radius side)', () => {
    expect(fingersOf(moveHand(schematicHand(), 0, true))).toEqual(expected);
    expect(fingersOf(moveHand(schematicHand(), 35, false))).toEqual(expected);
    expect(fingersOf(moveHand(schematicHand(), -90, true))).toEqual(expected);
    expect(fingersOf(moveHand(schematicHand(8), 180, false))).toEqual(expected);
  });

  it('refuses a hand without exactly 17 boxes of the expected labels', () => {
    const hand = schematicHand();
    expect(() => canonicalOrder(hand.filter((b) => !(b.label === 'DIP' && b.finger === 4)))).toThrow(/Expected 4 DIP boxes, found 3/);
    expect(() => canonicalOrder([])).toThrow(/found 0/);
  });
});
