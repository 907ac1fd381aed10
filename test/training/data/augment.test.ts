import { describe, expect, it } from 'vitest';
import { affineCopy, shiftedCopy } from '../../../training/data/augment';

describe('shiftedCopy', () => {
  it('moves content by (dx, dy) and replicates the edge', () => {
    const src = Float32Array.from([1, 2, 3, 4, 5, 6]); // 3×2
    expect(Array.from(shiftedCopy(src, 3, 2, 1, 0, new Float32Array(6)))).toEqual([1, 1, 2, 4, 4, 5]);
    expect(Array.from(shiftedCopy(src, 3, 2, 0, -1, new Float32Array(6)))).toEqual([4, 5, 6, 4, 5, 6]);
    expect(Array.from(shiftedCopy(src, 3, 2, 0, 0, new Float32Array(6)))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('affineCopy', () => {
  const w = 7, h = 5;
  const src = Float32Array.from({ length: w * h }, (_, i) => (i * 37) % 11);
  it('is shiftedCopy when there is no rotation or scaling', () => {
    for (const [dx, dy] of [[0, 0], [2, -1], [-3, 2]]) {
      expect(Array.from(affineCopy(src, w, h, { angle: 0, scale: 1, dx, dy }, new Float32Array(w * h))))
        .toEqual(Array.from(shiftedCopy(src, w, h, dx, dy, new Float32Array(w * h))));
    }
  });
  it('rotates a quarter turn about the centre', () => {
    const sq = Float32Array.from({ length: 25 }, (_, i) => i); // 5×5, centre (2, 2)
    const out = affineCopy(sq, 5, 5, { angle: Math.PI / 2, scale: 1, dx: 0, dy: 0 }, new Float32Array(25));
    // Output (x, y) reads source (y, 4 − x): the top row is the left-hand column read upward (a clockwise turn).
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) expect(out[y * 5 + x]).toBeCloseTo(sq[(4 - x) * 5 + y], 4);
  });
  it('scales about the centre: the centre stays, a point moves outward by the factor', () => {
    const ramp = Float32Array.from({ length: 9 * 9 }, (_, i) => i % 9); // value = x
    const out = affineCopy(ramp, 9, 9, { angle: 0, scale: 2, dx: 0, dy: 0 }, new Float32Array(81));
    expect(out[4 * 9 + 4]).toBeCloseTo(4, 5);
    expect(out[4 * 9 + 6]).toBeCloseTo(5, 5); // x = 6 is 2 px right of centre → source 1 px right
    expect(out[4 * 9 + 7]).toBeCloseTo(5.5, 5); // bilinear between 5 and 6
  });
});
