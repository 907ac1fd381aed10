import { describe, expect, it } from 'vitest';
import { shiftedCopy } from '../../../training/data/augment';

describe('shiftedCopy', () => {
  it('moves content by (dx, dy) and replicates the edge', () => {
    const src = Float32Array.from([1, 2, 3, 4, 5, 6]); // 3×2
    expect(Array.from(shiftedCopy(src, 3, 2, 1, 0, new Float32Array(6)))).toEqual([1, 1, 2, 4, 4, 5]);
    expect(Array.from(shiftedCopy(src, 3, 2, 0, -1, new Float32Array(6)))).toEqual([4, 5, 6, 4, 5, 6]);
    expect(Array.from(shiftedCopy(src, 3, 2, 0, 0, new Float32Array(6)))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
