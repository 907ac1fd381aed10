import { describe, expect, it } from 'vitest';
import { resampleArea } from '../../../core/pipeline/resample-area';

const ramp = (w: number, h: number) => ({ width: w, height: h, data: Float32Array.from({ length: w * h }, (_, i) => i) });

describe('resampleArea', () => {
  it('averages each cell of source pixels, aspect ratio ignored', () => {
    // 4×2 → 2×1: cells {0,1,4,5} and {2,3,6,7}
    expect(Array.from(resampleArea(ramp(4, 2), 2, 1).data)).toEqual([2.5, 4.5]);
    // 6×3 → 2×1 (3 columns per cell): {0,1,2,6,7,8,12,13,14} and {3,4,5,9,10,11,15,16,17}
    expect(Array.from(resampleArea(ramp(6, 3), 2, 1).data)).toEqual([7, 10]);
  });
  it('handles a non-integer ratio by floor-bounded cells that cover the whole image', () => {
    // 5 → 2: cells [0, 2) and [2, 5)
    expect(Array.from(resampleArea(ramp(5, 1), 2, 1).data)).toEqual([0.5, 3]);
  });
  it('returns an unchanged copy at the same size, and the nearest pixel when enlarging', () => {
    const img = ramp(3, 3);
    const same = resampleArea(img, 3, 3);
    expect(Array.from(same.data)).toEqual(Array.from(img.data));
    expect(same.data).not.toBe(img.data);
    expect(Array.from(resampleArea(ramp(2, 1), 4, 1).data)).toEqual([0, 0, 1, 1]);
  });
  it('keeps the mean of a constant image', () => {
    const img = { width: 1600, height: 2080, data: new Float32Array(1600 * 2080).fill(42) };
    const out = resampleArea(img, 100, 100);
    expect(out.data.every((v) => v === 42)).toBe(true);
  });
});
