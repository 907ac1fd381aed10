import { describe, expect, it } from 'vitest';
import { augment, IDENTITY } from '../../../training/localiser/augment';

/** A dark 100×100 plane with one bright 5×5 square centred at (cx, cy), and its box as fractions. */
function dot(cx: number, cy: number) {
  const plane = new Float32Array(100 * 100).fill(10);
  for (let y = cy - 2; y <= cy + 2; y++) for (let x = cx - 2; x <= cx + 2; x++) plane[y * 100 + x] = 200;
  return { plane, boxes: Float32Array.from([(cx + 0.5) / 100, (cy + 0.5) / 100, 0.05, 0.05]) };
}

/** Intensity-weighted centre of the bright part, in pixel units (centres at +0.5). */
function brightCentre(p: Float32Array) {
  let sx = 0, sy = 0, s = 0;
  for (let y = 0; y < 100; y++) for (let x = 0; x < 100; x++) {
    const w = Math.max(0, p[y * 100 + x] - 10);
    sx += w * (x + 0.5); sy += w * (y + 0.5); s += w;
  }
  return { x: sx / s, y: sy / s };
}

describe('augment', () => {
  it('leaves plane and boxes unchanged with identity parameters', () => {
    const { plane, boxes } = dot(30, 60);
    const a = augment(plane, 100, 100, boxes, IDENTITY);
    expect(Array.from(a.plane)).toEqual(Array.from(plane));
    expect(Array.from(a.boxes)).toEqual(Array.from(boxes));
  });

  it('moves each box centre with the image content under scale, rotation, shift and flip', () => {
    for (const p of [
      { ...IDENTITY, dx: 6, dy: -4 },
      { ...IDENTITY, angle: 0.17 },
      { ...IDENTITY, scale: 1.1, angle: -0.12, dx: -3, dy: 5 },
      { ...IDENTITY, flip: true, angle: 0.1 },
    ]) {
      const { plane, boxes } = dot(30, 65);
      const a = augment(plane, 100, 100, boxes, p);
      const c = brightCentre(a.plane);
      expect(a.boxes[0] * 100, JSON.stringify(p)).toBeCloseTo(c.x, 0);
      expect(a.boxes[1] * 100, JSON.stringify(p)).toBeCloseTo(c.y, 0);
      expect(a.boxes[2]).toBeCloseTo(0.05 * p.scale, 6);
    }
  });

  it('gamma changes contrast but keeps the maximum', () => {
    const { plane, boxes } = dot(50, 50);
    plane[0] = 100;
    const a = augment(plane, 100, 100, boxes, { ...IDENTITY, gamma: 2 });
    expect(a.plane[50 * 100 + 50]).toBeCloseTo(200, 3);
    expect(a.plane[0]).toBeCloseTo(50, 3);
  });
});
