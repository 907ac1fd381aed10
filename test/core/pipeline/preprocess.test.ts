import { describe, expect, it } from 'vitest';
import { THUMBNAIL_INPUT } from '../../../core/model/constants';
import { preprocess } from '../../../core/pipeline/preprocess';
import { nearestIndices } from '../../../core/pipeline/resample-nearest';

describe('preprocess', () => {
  it('resamples a full-size image to the card size and normalises it', () => {
    const w = 1600, h = 2080;
    const data = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = (x * 7 + y * 3) % 251;
    const out = preprocess({ width: w, height: h, data }, THUMBNAIL_INPUT);
    expect([out.width, out.height, out.data.length]).toEqual([100, 100, 10000]);
    const mean = out.data.reduce((a, b) => a + b, 0) / out.data.length;
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    // Ordering is preserved: compare two pixels with the sampled source values.
    const xs = nearestIndices(w, 100), ys = nearestIndices(h, 100);
    const src = (x: number, y: number) => data[ys[y] * w + xs[x]];
    expect(Math.sign(out.data[5 * 100 + 9] - out.data[40 * 100 + 2])).toBe(Math.sign(src(9, 5) - src(2, 40)));
  });
  it('refuses a card asking for a pipeline it does not know', () => {
    const img = { width: 2, height: 2, data: new Float32Array(4) };
    expect(() => preprocess(img, { ...THUMBNAIL_INPUT, resample: 'bicubic' as never })).toThrow(/Unknown resampling/);
  });
});

describe('preprocess with area-average resampling', () => {
  const AREA = { ...THUMBNAIL_INPUT, resample: 'area-average' as const };
  it('leaves an input already at the card size exactly as nearest sampling does (the training thumbnails)', () => {
    const data = Float32Array.from({ length: 100 * 100 }, (_, i) => (i * 37) % 255);
    const img = { width: 100, height: 100, data };
    expect(Array.from(preprocess(img, AREA).data)).toEqual(Array.from(preprocess(img, THUMBNAIL_INPUT).data));
  });
  it('averages each cell of a larger image, so the result no longer depends on which pixel is picked', () => {
    // 200×200 checkerboard of 0/2: nearest picks one colour per cell (a flat image → all zeros
    // after z-score); the area average is 1 everywhere too — but a 2×2-cell ramp keeps its order.
    const w = 200, h = 200;
    const data = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = ((x + y) % 2) * 2 + Math.floor(x / 2);
    const out = preprocess({ width: w, height: h, data }, AREA);
    // cell x holds source columns 2x, 2x+1 → mean 1 + x for every row: each row is the same ramp
    const row0 = Array.from(out.data.slice(0, 100));
    expect(Array.from(out.data.slice(5000, 5100))).toEqual(row0);
    for (let x = 1; x < 100; x++) expect(row0[x] - row0[x - 1]).toBeCloseTo(row0[1] - row0[0], 4);
    expect(() => preprocess({ width: 2, height: 2, data: new Float32Array(4) }, { ...THUMBNAIL_INPUT, resample: 'constructor' as never })).toThrow(/Unknown resampling/);
  });
});
