import { describe, expect, it } from 'vitest';
import { canonicalOrder } from '../../core/localiser/canonical';
import { localiserEntry } from '../../src/inference/load-localiser';
import { drawnBoxes } from '../../src/viewer/roi-boxes';
import { schematicHand } from '../helpers/schematic-hand';

const all = { DIP: true, PIP: true, MCP: true, Radius: true, Ulna: true, Wrist: true };

describe('TW-region overlay boxes', () => {
  const boxes = canonicalOrder(schematicHand());

  it('maps corners through the viewport transform and keeps only labels switched on', () => {
    // A viewport that shows the image at half size, shifted, and flipped horizontally.
    const toCanvas = (p: { x: number; y: number }) => ({ x: 800 - p.x / 2, y: 10 + p.y / 2 });
    const drawn = drawnBoxes(boxes, { ...all, DIP: false }, toCanvas);
    expect(drawn).toHaveLength(13);
    expect(drawn.some((d) => d.label === 'DIP')).toBe(false);
    const wrist = boxes.find((b) => b.slot.name === 'Wrist')!;
    const w = drawn.find((d) => d.name === 'Wrist')!;
    expect(w.x).toBeCloseTo(800 - wrist.x1 / 2, 9);
    expect(w.y).toBeCloseTo(10 + wrist.y0 / 2, 9);
    expect(w.width).toBeCloseTo((wrist.x1 - wrist.x0) / 2, 9);
    expect(w.height).toBeCloseTo((wrist.y1 - wrist.y0) / 2, 9);
  });
});

describe('models/index.json "localiser" entry', () => {
  it('is optional: an index without it gives no localiser', () => {
    expect(localiserEntry({ default: 'a', models: [{ name: 'a', path: 'a/' }] })).toBeNull();
  });
  it('is read when present and refused when malformed', () => {
    expect(localiserEntry({ models: [], localiser: { name: 'tw-localiser', path: 'tw-localiser/' } })).toEqual({ name: 'tw-localiser', path: 'tw-localiser/' });
    expect(() => localiserEntry({ localiser: { name: 3 } })).toThrow(/"localiser" entry without a name and path/);
  });
});
