import { describe, expect, it } from 'vitest';
import { applyHinge, biasByBand, crossFittedEstimates, fitHinge, solveLinear, type CalibrationRow } from '../../../training/reports/estimate-calibration';

describe('solveLinear', () => {
  it('solves a system that needs a row swap, and refuses a singular one', () => {
    expect(solveLinear([[0, 2], [3, 1]], [4, 5]).map((v) => +v.toFixed(9))).toEqual([1, 2]);
    expect(() => solveLinear([[1, 2], [2, 4]], [1, 2])).toThrow(/singular/);
  });
});

describe('fitHinge', () => {
  const xs = Array.from({ length: 217 }, (_, i) => i); // 0–216 months
  it('recovers a straight line exactly', () => {
    const c = fitHinge(xs, xs.map((x) => 10 + 0.8 * x), []);
    for (const x of [0, 60, 200]) expect(applyHinge(c, [], x)).toBeCloseTo(10 + 0.8 * x, 6);
  });
  it('recovers a map whose slope changes at the knots', () => {
    const truth = (x: number) => (x < 60 ? 20 + 0.5 * x : x < 150 ? 50 + (x - 60) : 140 + 0.7 * (x - 150));
    const c = fitHinge(xs, xs.map(truth), [60, 150]);
    for (const x of [10, 59, 61, 100, 149, 151, 216]) expect(applyHinge(c, [60, 150], x)).toBeCloseTo(truth(x), 6);
  });
  it('fits no change of slope at a knot with too few estimates above it (instead of a singular system)', () => {
    const c = fitHinge(xs, xs.map((x) => 10 + 0.8 * x), [60, 210, 240]); // 6 estimates past 210, none past 240
    expect(c.slice(2)).toEqual([expect.closeTo(0, 6), 0, 0]);
    expect(applyHinge(c, [60, 210, 240], 216)).toBeCloseTo(10 + 0.8 * 216, 6);
  });
});

describe('crossFittedEstimates', () => {
  // Fold 0's network reads 10 months old, fold 1's and fold 2's read true: a map fitted on the other folds
  // cannot know fold 0's offset, so its cases keep it; the other folds' cases get a map pulled by fold 0's.
  const rows: CalibrationRow[] = [];
  for (let fold = 0; fold < 3; fold++) for (let age = 12; age <= 216; age += 6) rows.push({ fold, boneage: age, predicted: age + (fold === 0 ? 10 : 0), male: age % 12 === 0 });
  it('corrects each case with a map fitted without its own fold', () => {
    const out = crossFittedEstimates(rows, [], false);
    rows.forEach((r, i) => {
      if (r.fold === 0) expect(out[i]).toBeCloseTo(r.predicted, 6); // folds 1 and 2 are exact: identity map
      else expect(Math.abs(out[i] - (r.predicted - 5))).toBeLessThan(1); // the map from fold 0 and one exact fold takes off about half of 10
    });
  });
  it('fits one map per sex when asked, and refuses a single fold', () => {
    const biased = rows.map((r) => ({ ...r, predicted: r.boneage + (r.male ? 6 : -6) }));
    const out = crossFittedEstimates(biased, [], true);
    biased.forEach((r, i) => expect(out[i]).toBeCloseTo(r.boneage, 6));
    expect(crossFittedEstimates(biased, [], false).some((v, i) => Math.abs(v - biased[i].boneage) > 1)).toBe(true);
    expect(() => crossFittedEstimates(rows.filter((r) => r.fold === 0), [], false)).toThrow(/two folds/);
  });
});

describe('biasByBand', () => {
  it('gives the signed and absolute error per band of the chosen variable, leaving out empty bands', () => {
    const bands = biasByBand([10, 30, 130, 150], [20, 20, 140, 140], [20, 20, 140, 140], [0, 60, 120, 180, 240]);
    expect(bands).toEqual([{ from: 0, to: 60, n: 2, bias: 0, mae: 10 }, { from: 120, to: 180, n: 2, bias: 0, mae: 10 }]);
    expect(biasByBand([10, 30], [20, 20], [10, 30], [0, 20, 40]).map((b) => b.bias)).toEqual([-10, 10]);
  });
});
