import { describe, expect, it } from 'vitest';
import { flipHorizontal, invertPolarity, rotate } from '../../../core/qc/transforms';

const img = { width: 3, height: 2, data: Float32Array.from([1, 2, 3, 4, 5, 6]) };

describe('image transforms', () => {
  it('flips left–right, and twice is the identity', () => {
    expect(Array.from(flipHorizontal(img).data)).toEqual([3, 2, 1, 6, 5, 4]);
    expect(Array.from(flipHorizontal(flipHorizontal(img)).data)).toEqual(Array.from(img.data));
  });

  it('inverts polarity within the image range', () => {
    expect(Array.from(invertPolarity(img).data)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('rotates 90° counter-clockwise about the centre and 180° turns the image over', () => {
    const sq = { width: 3, height: 3, data: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    expect(Array.from(rotate(sq, 90, 0).data).map(Math.round)).toEqual([3, 6, 9, 2, 5, 8, 1, 4, 7]);
    expect(Array.from(rotate(sq, 180, 0).data).map(Math.round)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('fills what comes from outside the source', () => {
    const sq = { width: 4, height: 4, data: new Float32Array(16).fill(10) };
    const r = rotate(sq, 45, -1);
    expect(r.data[0]).toBe(-1); // a corner
    expect(r.data[5]).toBeCloseTo(10); // the middle
  });
});
