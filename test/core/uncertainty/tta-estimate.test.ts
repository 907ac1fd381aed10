import { beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel, buildBoNet, DEFAULT_BONET, THUMBNAIL_INPUT } from '../../../core/model';
import type { Estimate, ModelCard } from '../../../core/model/types';
import { preprocess } from '../../../core/pipeline/preprocess';
import { averageEstimates, TTA_SHIFT_SETS } from '../../../core/uncertainty/tta-estimate';
import { shiftedPlanes } from '../../../core/uncertainty/tta';
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
  it('averages the learned cell weights too, when every map has them', () => {
    const w = (...v: number[]) => ({ ...map(100, 120), weights: Float32Array.from(v) });
    const m = averageEstimates([{ boneAgeMonths: 105, map: w(0.75, 0.25), sexUsed: 'none' }, { boneAgeMonths: 115, map: w(0.25, 0.75), sexUsed: 'none' }]);
    expect(Array.from(m.map.weights!)).toEqual([0.5, 0.5]);
    expect(averageEstimates([{ boneAgeMonths: 105, map: w(0.75, 0.25), sexUsed: 'none' }, { boneAgeMonths: 110, map: map(100, 120), sexUsed: 'none' }]).map.weights).toBeUndefined();
  });
  it('refuses an empty list and maps of different sizes', () => {
    expect(() => averageEstimates([])).toThrow();
    expect(() => averageEstimates([{ boneAgeMonths: 1, map: map(1), sexUsed: 'none' }, { boneAgeMonths: 1, map: map(1, 2), sexUsed: 'none' }])).toThrow(/sizes/);
  });
});

describe('BoneAgeModel with the card\'s test-time augmentation (output.tta)', () => {
  it('averages the plane and its shifted copies; without output.tta it is one pass', async () => {
    const card = (tta?: 'axis1') => ({ name: 't', input: THUMBNAIL_INPUT, output: { unit: 'months', scale: 40, offset: 120, reduce: 'mean', bySex: true, tta } }) as unknown as ModelCard;
    const net = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 7);
    const [plain, augmented] = [new BoneAgeModel(net, card()), new BoneAgeModel(net, card('axis1'))];
    const w = 160, h = 200;
    const img = { width: w, height: h, data: Float32Array.from({ length: w * h }, (_, i) => ((i % w) * 3 + Math.floor(i / w) * 5) % 97) };
    const one = await plain.estimate(img, 'female');
    const plane = preprocess(img, THUMBNAIL_INPUT);
    expect(one.boneAgeMonths).toBe((await plain.estimatePlanes([plane], ['female']))[0].boneAgeMonths);
    const five = await augmented.estimate(img, 'female');
    // The same mean computed here from the five single passes.
    const passes = await plain.estimatePlanes(shiftedPlanes(plane, TTA_SHIFT_SETS.axis1), Array(5).fill('female'));
    expect(five.boneAgeMonths).toBeCloseTo(passes.reduce((s, e) => s + e.boneAgeMonths, 0) / 5, 4);
    expect(five.boneAgeMonths).not.toBeCloseTo(one.boneAgeMonths, 4); // the shifts changed something
    expect(five.sexUsed).toBe('female');
    expect(five.bySex!.male.boneAgeMonths).toBeCloseTo(passes.reduce((s, e) => s + e.bySex!.male.boneAgeMonths, 0) / 5, 4);
    const mapMean = five.map.months.reduce((s, v) => s + v, 0) / five.map.months.length;
    expect(five.boneAgeMonths).toBeCloseTo(mapMean, 3);
    expect(TTA_SHIFT_SETS.grid1).toHaveLength(9);
    net.dispose();
  });

  it('refuses a card naming an augmentation it does not know', () => {
    const card = { name: 't', input: THUMBNAIL_INPUT, output: { unit: 'months', scale: 40, offset: 120, reduce: 'mean', tta: 'rotate90' } } as unknown as ModelCard;
    const net = buildBoNet(DEFAULT_BONET, 7);
    expect(() => new BoneAgeModel(net, card)).toThrow(/rotate90/);
    net.dispose();
  });
});
