import { describe, expect, it } from 'vitest';
import { cellWeightsFromLogits, mapMean, mapSideFor, rawToMonths, readingForSex, splitChannels } from '../../../core/model/age-map';
import type { Estimate } from '../../../core/model/types';
import { DEFAULT_BONET } from '../../../core/model/constants';

describe('age map arithmetic', () => {
  it('converts raw outputs to months with the card affine', () => {
    expect(Array.from(rawToMonths(Float32Array.from([0, 1, -1]), { unit: 'months', scale: 40, offset: 120, reduce: 'mean' }))).toEqual([120, 160, 80]);
  });
  it('takes the plain mean of the cells', () => {
    expect(mapMean({ rows: 2, cols: 2, months: Float32Array.from([100, 110, 120, 130]) })).toBe(115);
    expect(() => mapMean({ rows: 0, cols: 0, months: new Float32Array(0) })).toThrow();
  });
  it('weighs the cells by their learned weights when the map has them', () => {
    const weights = Float32Array.from([0.5, 0.25, 0.25, 0]);
    expect(mapMean({ rows: 2, cols: 2, months: Float32Array.from([100, 110, 120, 130]), weights })).toBeCloseTo(107.5, 5);
  });
  it('turns cell logits into weights that sum to 1 (softmax, stable for large logits)', () => {
    const w = cellWeightsFromLogits(Float32Array.from([0, Math.log(3), 1000, 1000]));
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(Array.from(w)).toEqual([0, 0, 0.5, 0.5]);
    const v = cellWeightsFromLogits(Float32Array.from([0, Math.log(3)]));
    expect(v[0]).toBeCloseTo(0.25, 6);
    expect(v[1]).toBeCloseTo(0.75, 6);
  });
  it('gives the default model a 10×10 map on a 100×100 input (≥ 6×6 asked)', () => {
    expect(mapSideFor(100, DEFAULT_BONET.convLayers, DEFAULT_BONET.head.kernel)).toBe(10);
    expect(mapSideFor(128, DEFAULT_BONET.convLayers, DEFAULT_BONET.head.kernel)).toBe(14);
  });
});

describe('sex channels', () => {
  it('splits channel-interleaved cells into one array per channel', () => {
    const [boy, girl] = splitChannels(Float32Array.from([1, 10, 2, 20, 3, 30]), 2);
    expect(Array.from(boy)).toEqual([1, 2, 3]);
    expect(Array.from(girl)).toEqual([10, 20, 30]);
    const one = Float32Array.from([5, 6]);
    expect(splitChannels(one, 1)).toEqual([one]);
  });

  const map = (...months: number[]) => ({ rows: 1, cols: months.length, months: Float32Array.from(months) });
  const bySex = { male: { boneAgeMonths: 110, map: map(100, 120) }, female: { boneAgeMonths: 130, map: map(140, 120) } };
  const averaged: Estimate = { boneAgeMonths: 120, map: map(120, 120), sexUsed: 'average', bySex };

  it('reads the given sex from its own channel, and the cell-wise mean when the sex is not known', () => {
    const boy = readingForSex(averaged, 'male');
    expect(boy).toMatchObject({ boneAgeMonths: 110, sexUsed: 'male', bySex });
    expect(Array.from(boy.map.months)).toEqual([100, 120]);
    const girl = readingForSex(boy, 'female');
    expect(girl).toMatchObject({ boneAgeMonths: 130, sexUsed: 'female' });
    expect(Array.from(girl.map.months)).toEqual([140, 120]);
    const back = readingForSex(girl, null);
    expect(back).toMatchObject({ boneAgeMonths: 120, sexUsed: 'average' });
    expect(Array.from(back.map.months)).toEqual([120, 120]);
    expect(back.map).toMatchObject({ rows: 1, cols: 2 });
  });

  it('leaves an estimate without sex channels as it is', () => {
    const plain: Estimate = { boneAgeMonths: 99, map: map(99), sexUsed: 'none' };
    expect(readingForSex(plain, 'female')).toBe(plain);
    expect(readingForSex(plain, null)).toBe(plain);
  });
});
