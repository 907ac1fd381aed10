import { beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel, buildBoNet, DEFAULT_BONET, THUMBNAIL_INPUT } from '../../../core/model';
import type { Estimate, ModelCard } from '../../../core/model/types';
import { averageEstimates, estimateWithTta, TTA_SHIFT_SETS } from '../../../core/uncertainty/tta-estimate';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

const map = (...v: number[]) => ({ rows: 1, cols: v.length, months: Float32Array.from(v) });

describe('averageEstimates', () => {
  it('averages bone age and map cell by cell, keeping which sex was read', () => {
    const a: Estimate = { boneAgeMonths: 100, map: map(90, 110), sexUsed: 'female' };
    const b: Estimate = { boneAgeMonths: 120, map: map(130, 110), sexUsed: 'female' };
    const m = averageEstimates([a, b]);
    expect(m.boneAgeMonths).toBe(110);
    expect(Array.from(m.map.months)).toEqual([110, 110]);
    expect(m.sexUsed).toBe('female');
    expect(m.bySex).toBeUndefined();
  });
  it('averages both sex readings when every estimate has them', () => {
    const e = (m: number, f: number): Estimate => ({
      boneAgeMonths: (m + f) / 2, map: map((m + f) / 2), sexUsed: 'average',
      bySex: { male: { boneAgeMonths: m, map: map(m) }, female: { boneAgeMonths: f, map: map(f) } },
    });
    const m = averageEstimates([e(100, 90), e(110, 100), e(120, 110)]);
    expect(m.bySex!.male.boneAgeMonths).toBe(110);
    expect(m.bySex!.female.boneAgeMonths).toBe(100);
    expect(m.boneAgeMonths).toBe(105);
  });
  it('refuses an empty list and maps of different sizes', () => {
    expect(() => averageEstimates([])).toThrow();
    expect(() => averageEstimates([{ boneAgeMonths: 1, map: map(1), sexUsed: 'none' }, { boneAgeMonths: 1, map: map(1, 2), sexUsed: 'none' }])).toThrow(/sizes/);
  });
});

describe('estimateWithTta', () => {
  it('is the plain estimate with only [0, 0], and the mean of the per-shift estimates otherwise', async () => {
    const card = { name: 't', input: THUMBNAIL_INPUT, output: { unit: 'months', scale: 40, offset: 120, reduce: 'mean' } } as unknown as ModelCard;
    const model = new BoneAgeModel(buildBoNet(DEFAULT_BONET, 7), card);
    const w = 160, h = 200;
    const img = { width: w, height: h, data: Float32Array.from({ length: w * h }, (_, i) => ((i % w) * 3 + Math.floor(i / w) * 5) % 97) };
    const plain = await model.estimate(img);
    const one = await estimateWithTta(model, img, null, [[0, 0]]);
    expect(one.boneAgeMonths).toBeCloseTo(plain.boneAgeMonths, 4);
    const five = await estimateWithTta(model, img, null, TTA_SHIFT_SETS.axis1);
    expect(TTA_SHIFT_SETS.axis1).toHaveLength(5);
    expect(TTA_SHIFT_SETS.grid1).toHaveLength(9);
    expect(five.boneAgeMonths).not.toBeCloseTo(plain.boneAgeMonths, 4); // the shifts changed something
    const mapMean = five.map.months.reduce((s, v) => s + v, 0) / five.map.months.length;
    expect(five.boneAgeMonths).toBeCloseTo(mapMean, 3);
    model.dispose();
  });
});
