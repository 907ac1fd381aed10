import { describe, expect, it } from 'vitest';
import { cropPlane, latticeCropOffsets } from '../../../training/data/crops';

describe('latticeCropOffsets', () => {
  it('gives the documented 10 crops of 90×90 in 100×100', () => {
    const c = latticeCropOffsets(100, 100, 90, 90, 10);
    expect(c.map((o) => o.x)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    expect(c.map((o) => o.y)).toEqual([0, 3, 7, 10, 2, 6, 9, 1, 4, 8]);
  });
  it('spaces both axes evenly over the whole free range, with every crop inside and distinct', () => {
    for (const [w, h, cw, ch, n] of [[100, 100, 90, 90, 10], [100, 80, 64, 64, 7], [50, 50, 20, 30, 12]]) {
      const c = latticeCropOffsets(w, h, cw, ch, n);
      expect(c).toHaveLength(n);
      for (const o of c) {
        expect(o.x).toBeGreaterThanOrEqual(0);
        expect(o.y).toBeGreaterThanOrEqual(0);
        expect(o.x + cw).toBeLessThanOrEqual(w);
        expect(o.y + ch).toBeLessThanOrEqual(h);
      }
      const xs = c.map((o) => o.x).sort((a, b) => a - b), ys = c.map((o) => o.y).sort((a, b) => a - b);
      expect([xs[0], xs[n - 1], ys[0], ys[n - 1]]).toEqual([0, w - cw, 0, h - ch]);
      expect(new Set(c.map((o) => `${o.x},${o.y}`)).size).toBe(n);
      // Evenly spaced: consecutive values differ by the ideal step, up to rounding.
      for (let i = 1; i < n; i++) expect(Math.abs(xs[i] - xs[i - 1] - (w - cw) / (n - 1))).toBeLessThanOrEqual(1);
    }
  });
  it('keeps the crops apart (not on the diagonal)', () => {
    const c = latticeCropOffsets(100, 100, 90, 90, 10);
    let gap = Infinity;
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) gap = Math.min(gap, Math.hypot(c[i].x - c[j].x, c[i].y - c[j].y));
    expect(gap).toBeGreaterThan(3);
  });
  it('centres a single crop and refuses crops that do not fit', () => {
    expect(latticeCropOffsets(100, 100, 90, 90, 1)).toEqual([{ x: 5, y: 5 }]);
    expect(() => latticeCropOffsets(100, 100, 101, 90, 10)).toThrow(/does not fit/);
    expect(() => latticeCropOffsets(100, 100, 90, 90, 0)).toThrow(/positive integer/);
  });
});

describe('cropPlane', () => {
  it('copies the window at the offset', () => {
    const src = Float32Array.from({ length: 5 * 4 }, (_, i) => i); // 5 wide, 4 high
    expect(Array.from(cropPlane(src, 5, 1, 2, 3, 2, new Float32Array(6)))).toEqual([11, 12, 13, 16, 17, 18]);
  });
});
