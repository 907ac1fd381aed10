import { describe, expect, it } from 'vitest';
import { poolSwitches, projectionRegion, toImageFrame, topMaps } from '../../../core/roi';

describe('projectionRegion', () => {
  it('finds the |peak| and the box of pixels at ≥ the fraction of it', () => {
    // 5×4 plane: peak −10 at (x 3, y 1); 3 at (1, 2) passes 25 %, 2 at (0, 0) does not.
    const pixels = new Float32Array(20);
    pixels[1 * 5 + 3] = -10;
    pixels[2 * 5 + 1] = 3;
    pixels[0] = 2;
    const r = projectionRegion({ width: 5, height: 4, pixels }, 0.25);
    expect(r.max).toBe(10);
    expect(r.peak).toEqual({ x: 3.5, y: 1.5 });
    expect(r.box).toEqual({ x0: 1, y0: 1, x1: 4, y1: 3 });
    expect(projectionRegion({ width: 5, height: 4, pixels }, 0.1).box).toEqual({ x0: 0, y0: 0, x1: 4, y1: 3 });
  });

  it('maps input-plane boxes and points to the original image frame', () => {
    expect(toImageFrame({ x0: 10, y0: 20, x1: 11, y1: 30 }, { width: 100, height: 100 }, { width: 400, height: 500 })).toEqual({ x0: 40, y0: 100, x1: 44, y1: 150 });
    expect(toImageFrame({ x: 0.5, y: 99.5 }, { width: 100, height: 100 }, { width: 400, height: 500 })).toEqual({ x: 2, y: 497.5 });
  });
});

describe('switches and top maps', () => {
  it('records each pool window’s argmax, dropping odd trailing rows', () => {
    // 3×4×1: windows (0,0) = {1, 5, 2, 0} → (0,1); (0,1) = {3, 3, 0, 4} → (1,3). Row 2 is dropped.
    const act = Float32Array.from([1, 5, 3, 3, 2, 0, 0, 4, 9, 9, 9, 9]);
    expect(Array.from(poolSwitches(act, [3, 4, 1]))).toEqual([1, 7]);
  });

  it('picks maps by their strongest activation and leaves dead maps out', () => {
    // 2×2×3 (channels last): map 0 max 2 at (1,0); map 1 max 7 at (0,1); map 2 never fires.
    const act = Float32Array.from([1, 0, 0, 0, 7, 0, 2, 1, -1, 0, 3, 0]);
    expect(topMaps(act, [2, 2, 3], 5)).toEqual([
      { map: 1, value: 7, row: 0, col: 1 },
      { map: 0, value: 2, row: 1, col: 0 },
    ]);
    expect(topMaps(act, [2, 2, 3], 1)).toHaveLength(1);
  });
});
