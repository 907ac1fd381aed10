import { describe, expect, it } from 'vitest';
import { assessBySubgroup, assessIntervals, bandOf, calibrate, calibrateBands, calibrationFor, conformalQuantile, halfWidth, type IntervalCalibration, intervalOf, mapSpread, spreadOf } from '../../../core/uncertainty/interval';
import { shiftedPlanes } from '../../../core/uncertainty/tta';
import { makeRng } from '../../../training/qc/rng';

describe('interval arithmetic', () => {
  it('takes the ⌈(n+1)·coverage⌉-th smallest score as the conformal quantile', () => {
    const scores = Array.from({ length: 9 }, (_, i) => i + 1); // 1..9
    expect(conformalQuantile(scores, 0.9)).toBe(9); // ⌈10·0.9⌉ = 9th
    expect(conformalQuantile(scores, 0.5)).toBe(5);
    expect(conformalQuantile([1, 2, 3], 0.9)).toBe(Infinity); // too few cases for 90 %
    expect(() => conformalQuantile(scores, 1)).toThrow();
  });

  it('makes estimate ± q·(offset + spread), never below zero', () => {
    const cal = { method: 'map-spread' as const, coverage: 0.9, q: 2, offsetMonths: 3 };
    expect(halfWidth(100, 5, cal)).toBe(16);
    expect(intervalOf(100, 5, cal)).toEqual({ lo: 84, hi: 116, coverage: 0.9 });
    expect(intervalOf(10, 5, cal).lo).toBe(0);
    expect(halfWidth(100, 5, { ...cal, method: 'constant' })).toBe(6); // the spread is ignored
  });

  it('age bands: each estimate gets its band\'s own half-width', () => {
    expect(bandOf(59.9, [60, 120])).toBe(0);
    expect(bandOf(60, [60, 120])).toBe(1);
    expect(bandOf(500, [60, 120])).toBe(2);
    const cal = { method: 'age-band' as const, coverage: 0.9, q: 1, offsetMonths: 0, bandEdges: [60, 120], bandQ: [10, 20, 30] };
    expect(intervalOf(100, 0, cal)).toEqual({ lo: 80, hi: 120, coverage: 0.9 });
    expect(intervalOf(150, 0, cal).hi).toBe(180);
    expect(() => halfWidth(1, 0, { ...cal, bandQ: [1] })).toThrow(/bandQ/);
    // Calibrated per band: young cases with small errors get narrow intervals.
    const rng = makeRng(12);
    const draw = (n: number) => Array.from({ length: n }, () => {
      const estimate = rng.uniform(0, 200);
      return { estimate, spread: 0, truth: estimate + (estimate < 100 ? 5 : 25) * rng.normal() };
    });
    const banded = calibrateBands(draw(3000), [100], 0.9);
    expect(banded.bandQ![0]).toBeLessThan(banded.bandQ![1] / 3);
    const test = assessIntervals(draw(4000), banded);
    expect(test.coverage).toBeGreaterThan(0.88);
    expect(test.coverage).toBeLessThan(0.92);
  });

  it('spread is the population standard deviation (of the map cells)', () => {
    expect(spreadOf([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(mapSpread({ rows: 1, cols: 2, months: Float32Array.from([10, 20]) })).toBe(5);
    // Weighted: mean 0.75·10 + 0.25·20 = 12.5, variance 0.75·6.25 + 0.25·56.25 = 18.75.
    expect(mapSpread({ rows: 1, cols: 2, months: Float32Array.from([10, 20]), weights: Float32Array.from([0.75, 0.25]) })).toBeCloseTo(Math.sqrt(18.75), 6);
  });

  it('covers about the nominal share of new cases when calibrated on exchangeable ones', () => {
    const rng = makeRng(11);
    const draw = (n: number) => Array.from({ length: n }, () => {
      const spread = rng.uniform(2, 20);
      const estimate = rng.uniform(20, 200);
      return { estimate, spread, truth: estimate + spread * rng.normal() }; // errors scale with the spread
    });
    const cal = calibrate(draw(2000), 'map-spread', 0.5, 0.9);
    const test = assessIntervals(draw(4000), cal);
    expect(test.coverage).toBeGreaterThan(0.88);
    expect(test.coverage).toBeLessThan(0.92);
    // With errors proportional to the spread, scaling by it beats a constant width.
    const constant = calibrate(draw(2000), 'constant', 1, 0.9);
    expect(assessIntervals(draw(4000), constant).meanWidthMonths).toBeGreaterThan(test.meanWidthMonths);
  });

  it('shifts planes with edge replication for test-time augmentation', () => {
    const plane = { width: 3, height: 1, data: Float32Array.from([1, 2, 3]) };
    const [right, left] = shiftedPlanes(plane, [[1, 0], [-1, 0]]);
    expect(Array.from(right.data)).toEqual([1, 1, 2]);
    expect(Array.from(left.data)).toEqual([2, 3, 3]);
  });
});

describe('calibrationFor', () => {
  const withSex: IntervalCalibration = { method: 'constant', coverage: 0.9, q: 20, offsetMonths: 1 };
  const noSex: IntervalCalibration = { method: 'constant', coverage: 0.9, q: 31, offsetMonths: 1 };
  it('gives a reading without the sex its own calibration, and none when the card has none', () => {
    const both = { ...withSex, withoutSex: noSex };
    expect(calibrationFor(both, 'female')).toBe(both);
    expect(calibrationFor(both, 'none')).toBe(both); // a model that does not read sex
    expect(calibrationFor(both, 'average')).toBe(noSex);
    expect(calibrationFor(withSex, 'average')).toBeNull();
  });
});

describe('assessBySubgroup', () => {
  it('measures coverage within each sex × band of the reference bone age, and shows where one width under-covers', () => {
    const cal: IntervalCalibration = { method: 'constant', coverage: 0.9, q: 10, offsetMonths: 1 };
    const rng = makeRng(5);
    // Young boys err three times as much as everyone else: one width covers them far less often.
    const cases = Array.from({ length: 4000 }, (_, i) => {
      const male = i % 2 === 0;
      const truth = rng.uniform(4, 228);
      const sd = male && truth < 120 ? 15 : 4;
      return { male, truth, estimate: truth + sd * rng.normal(), spread: 0 };
    });
    const g = assessBySubgroup(cases, cal);
    expect(Object.keys(g).sort()).toEqual(['F 0-9y', 'F 10-18y', 'M 0-9y', 'M 10-18y', 'all 0-9y', 'all 10-18y']);
    expect(g['M 0-9y'].coverage).toBeLessThan(0.6);
    expect(g['F 0-9y'].coverage).toBeGreaterThan(0.95);
    expect(g['M 0-9y'].n + g['F 0-9y'].n).toBe(g['all 0-9y'].n);
    expect(g['all 0-9y'].n + g['all 10-18y'].n).toBe(cases.length);
    // A group's figures are assessIntervals on its own cases (band by the reference age: 119.9 young, 120 not).
    const boys = cases.filter((c) => c.male && c.truth >= 120);
    expect(g['M 10-18y']).toEqual(assessIntervals(boys, cal));
    expect(Object.keys(assessBySubgroup([{ male: false, truth: 119.9, estimate: 0, spread: 0 }, { male: false, truth: 120, estimate: 0, spread: 0 }], cal)).sort()).toEqual(['F 0-9y', 'F 10-18y', 'all 0-9y', 'all 10-18y']);
    expect(assessBySubgroup([], cal)).toEqual({});
  });
});
