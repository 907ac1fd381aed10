import { describe, expect, it } from 'vitest';
import { comparePredictions, parsePredictionLines } from '../../../training/reports/compare-predictions';

const lines = (rows: Array<[string, number, number]>, summary = '{"n":0,"mae_months":0}') =>
  [...rows.map(([id, boneage, predicted]) => JSON.stringify({ id, boneage, predicted })), summary, ''].join('\n');

describe('comparePredictions', () => {
  it('reads evaluate --predictions output, skipping its summary line', () => {
    expect(parsePredictionLines(lines([['1', 100, 90], ['2', 50, 55]]) + 'progress text\n')).toEqual([
      { id: '1', boneage: 100, predicted: 90 },
      { id: '2', boneage: 50, predicted: 55 },
    ]);
  });

  it('gives each MAE on the shared cases, the paired difference against the first, and the mean of the readings', () => {
    const a = parsePredictionLines(lines([['1', 100, 90], ['2', 50, 60], ['3', 120, 120], ['4', 80, 70]]));
    // b errs the other way on cases 1 and 2, so the mean of the two readings is exact there; case 4 is missing.
    const b = parsePredictionLines(lines([['3', 120, 124], ['1', 100, 110], ['2', 50, 40]]));
    const c = comparePredictions([a, b]);
    expect(c.n).toBe(3);
    expect(c.mae).toEqual([Math.round((20 / 3) * 1000) / 1000, Math.round((24 / 3) * 1000) / 1000]);
    expect(c.vsFirst[0]).toMatchObject({ n: 3, meanDiff: 1.33, better: 0, worse: 1 });
    expect(c.meanOfPredictionsMae).toBeCloseTo(2 / 3, 3); // |0|, |0|, |2|
    expect(c.meanVsFirst).toMatchObject({ better: 2, worse: 1 });
  });

  it('refuses files that do not read the same cases, or disagree on a reference age', () => {
    const a = parsePredictionLines(lines([['1', 100, 90], ['2', 50, 60]]));
    expect(() => comparePredictions([a])).toThrow(/at least two/);
    expect(() => comparePredictions([a, parsePredictionLines(lines([['1', 100, 90], ['9', 50, 60]]))])).toThrow(/share 1 case/);
    expect(() => comparePredictions([a, parsePredictionLines(lines([['1', 100, 90], ['2', 51, 60]]))])).toThrow(/different reference ages/);
  });
});
