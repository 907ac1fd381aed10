import { describe, expect, it } from 'vitest';
import { mapMean, mapSideFor, rawToMonths } from '../../../core/model/age-map';
import { DEFAULT_BONET } from '../../../core/model/constants';

describe('age map arithmetic', () => {
  it('converts raw outputs to months with the card affine', () => {
    expect(Array.from(rawToMonths(Float32Array.from([0, 1, -1]), { unit: 'months', scale: 40, offset: 120, reduce: 'mean' }))).toEqual([120, 160, 80]);
  });
  it('takes the plain mean of the cells', () => {
    expect(mapMean({ rows: 2, cols: 2, months: Float32Array.from([100, 110, 120, 130]) })).toBe(115);
    expect(() => mapMean({ rows: 0, cols: 0, months: new Float32Array(0) })).toThrow();
  });
  it('gives the default model a 10×10 map on a 100×100 input (≥ 6×6 asked)', () => {
    expect(mapSideFor(100, DEFAULT_BONET.convLayers, DEFAULT_BONET.head.kernel)).toBe(10);
    expect(mapSideFor(128, DEFAULT_BONET.convLayers, DEFAULT_BONET.head.kernel)).toBe(14);
  });
});
