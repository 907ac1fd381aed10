import { describe, expect, it } from 'vitest';
import { nearestIndices, resampleNearest } from '../../../core/pipeline/resample-nearest';

describe('nearestIndices', () => {
  it('follows src = floor((dst + 0.5) · src / dst), Pillow NEAREST', () => {
    const idx = nearestIndices(1600, 100);
    expect(idx[0]).toBe(8); // floor(0.5 · 16)
    expect(idx[1]).toBe(24);
    expect(idx[99]).toBe(1592);
    const odd = nearestIndices(2080, 100); // 20.8 px per cell
    expect(Array.from(odd.slice(0, 4))).toEqual([10, 31, 52, 72]);
  });
  it('is the identity at equal sizes and never leaves the source', () => {
    expect(Array.from(nearestIndices(7, 7))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const up = nearestIndices(3, 10);
    expect(Math.max(...up)).toBe(2);
    expect(Array.from(up)).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
  });
});

describe('resampleNearest', () => {
  it('squashes ignoring the aspect ratio, picking source pixels', () => {
    const w = 6, h = 4;
    const data = Float32Array.from({ length: w * h }, (_, i) => i);
    const out = resampleNearest({ width: w, height: h, data }, 3, 2);
    // x: floor((d+0.5)·2) = 1,3,5; y: floor((d+0.5)·2) = 1,3
    expect(Array.from(out.data)).toEqual([7, 9, 11, 19, 21, 23]);
  });
  it('returns a copy at the same size', () => {
    const img = { width: 2, height: 2, data: Float32Array.from([1, 2, 3, 4]) };
    const out = resampleNearest(img, 2, 2);
    expect(Array.from(out.data)).toEqual([1, 2, 3, 4]);
    expect(out.data).not.toBe(img.data);
  });
});

describe('sampling phase', () => {
  it('phase 0.5 is the default (pixel centres); other phases pick other pixels of each cell', () => {
    expect(Array.from(nearestIndices(1600, 100, 0.5))).toEqual(Array.from(nearestIndices(1600, 100)));
    expect(Array.from(nearestIndices(1600, 100, 0).slice(0, 3))).toEqual([0, 16, 32]);
    expect(Array.from(nearestIndices(1600, 100, 0.75).slice(0, 3))).toEqual([12, 28, 44]);
  });
  it('resampleNearest takes a phase per axis and copies a same-size image whatever the phase', () => {
    const w = 6, h = 4;
    const data = Float32Array.from({ length: w * h }, (_, i) => i);
    // x phase 0: floor(d·2) = 0,2,4; y phase 0.75: floor((d+0.75)·2) = 1,3
    expect(Array.from(resampleNearest({ width: w, height: h, data }, 3, 2, 0, 0.75).data)).toEqual([6, 8, 10, 18, 20, 22]);
    expect(Array.from(resampleNearest({ width: w, height: h, data }, 6, 4, 0, 0).data)).toEqual(Array.from(data));
  });
});
