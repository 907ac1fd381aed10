import { describe, expect, it } from 'vitest';
import { ROI_SLOTS, VALUES_PER_SLOT } from '../../../core/localiser/constants';
import { decodeBoxes, encodeTargets } from '../../../core/localiser/decode';

function rawFor(values: Array<[number, number, number, number, number]>): Float32Array {
  const raw = new Float32Array(ROI_SLOTS.length * VALUES_PER_SLOT);
  values.forEach((v, i) => raw.set(v, i * VALUES_PER_SLOT));
  return raw;
}

describe('decodeBoxes', () => {
  it('turns (cx, cy, w, h) fractions and a logit into corners in the given frame, labels from the slots', () => {
    const raw = rawFor(ROI_SLOTS.map(() => [0.5, 0.25, 0.2, 0.1, 0]));
    raw.set([0.1, 0.9, 0.1, 0.2, Math.log(3)], 16 * VALUES_PER_SLOT); // Wrist: score 0.75
    const boxes = decodeBoxes(raw, 400, 1000);
    expect(boxes).toHaveLength(17);
    expect(boxes.map((b) => b.label)).toEqual(ROI_SLOTS.map((s) => s.label));
    expect(boxes[0].score).toBe(0.5);
    expect(boxes[0].x0).toBeCloseTo(160, 4);
    expect(boxes[0].x1).toBeCloseTo(240, 4);
    expect(boxes[0].y0).toBeCloseTo(200, 4);
    expect(boxes[0].y1).toBeCloseTo(300, 4);
    const wrist = boxes[16];
    expect(wrist.label).toBe('Wrist');
    expect(wrist.x0).toBeCloseTo(20, 4);
    expect(wrist.x1).toBeCloseTo(60, 4);
    expect(wrist.y0).toBeCloseTo(800, 4);
    expect(wrist.y1).toBeCloseTo(1000, 4);
    expect(wrist.score).toBeCloseTo(0.75, 4);
  });

  it('clips boxes to the image and treats negative sizes as empty', () => {
    const raw = rawFor(ROI_SLOTS.map(() => [0.95, 0.02, 0.2, -0.3, -20]));
    const [b] = decodeBoxes(raw, 100, 200);
    expect(b.x0).toBeCloseTo(85, 4);
    expect(b.x1).toBe(100);
    expect(b.y0).toBeCloseTo(4, 4);
    expect(b.y1).toBeCloseTo(4, 4);
    expect(b.score).toBeLessThan(1e-8);
  });

  it('inverts encodeTargets', () => {
    const gt = ROI_SLOTS.map((_, i) => ({ x0: 10 + i, y0: 20 + 2 * i, x1: 50 + 3 * i, y1: 70 + i }));
    const t = encodeTargets(gt, 300, 500);
    const raw = rawFor(gt.map((_, i) => [t[i * 4], t[i * 4 + 1], t[i * 4 + 2], t[i * 4 + 3], 0]));
    decodeBoxes(raw, 300, 500).forEach((b, i) => {
      for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(b[k]).toBeCloseTo(gt[i][k], 3);
    });
  });

  it('refuses an output of the wrong width', () => {
    expect(() => decodeBoxes(new Float32Array(80), 10, 10)).toThrow(/gave 80 values; 17 slots need 85/);
  });
});
