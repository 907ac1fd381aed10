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
