import { describe, expect, it } from 'vitest';
import { zscore } from '../../../core/pipeline/normalise';

describe('zscore', () => {
  it('gives zero mean and unit (population) variance', () => {
    const out = zscore(Float32Array.from([2, 4, 4, 4, 5, 5, 7, 9])); // mean 5, sd 2
    expect(Array.from(out)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
  });
  it('is indifferent to bit depth and offset', () => {
    const a = zscore(Float32Array.from([0, 10, 20, 255]));
    const b = zscore(Float32Array.from([0, 10, 20, 255].map((v) => v * 257 - 1024)));
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 5));
  });
  it('maps a flat image to zeros instead of NaN', () => {
    expect(Array.from(zscore(new Float32Array(5).fill(3)))).toEqual([0, 0, 0, 0, 0]);
  });
});
