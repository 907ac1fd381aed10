import { describe, expect, it } from 'vitest';
import { backgroundStats, cropOffset, liftBackground, padImage, quantile, resampleArea } from '../../../training/reports/fullres-variants';

const ramp = (w: number, h: number) => ({ width: w, height: h, data: Float32Array.from({ length: w * h }, (_, i) => i) });

describe('full-resolution study variants', () => {
  it('resampleArea averages each cell of source pixels', () => {
    // 4×2 → 2×1: cells {0,1,4,5} and {2,3,6,7}
    expect(Array.from(resampleArea(ramp(4, 2), 2, 1).data)).toEqual([2.5, 4.5]);
    // equal size: unchanged
    expect(Array.from(resampleArea(ramp(3, 3), 3, 3).data)).toEqual(Array.from(ramp(3, 3).data));
  });
  it('padImage frames the image with a border of the given value', () => {
    const out = padImage({ width: 2, height: 2, data: Float32Array.from([1, 2, 3, 4]) }, 0.5, 9);
    expect([out.width, out.height]).toEqual([4, 4]);
    expect(Array.from(out.data)).toEqual([9, 9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9, 9, 9, 9]);
  });
  it('cropOffset drops the first columns and rows', () => {
    const out = cropOffset(ramp(3, 3), 1, 2);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([7, 8]);
  });
  it('liftBackground replaces the dark pixels only; quantile and backgroundStats read the dark end', () => {
    const img = { width: 4, height: 1, data: Float32Array.from([0, 0, 50, 100]) };
    expect(Array.from(liftBackground(img, 0, 7).data)).toEqual([7, 7, 50, 100]);
    expect(quantile(img.data, 0)).toBe(0);
    expect(quantile(img.data, 1)).toBe(100);
    expect(backgroundStats(img)).toEqual({ lowOverHigh: 0, darkShare: 0.5 });
  });
});
