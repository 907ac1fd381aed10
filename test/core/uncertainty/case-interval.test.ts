import { describe, expect, it } from 'vitest';
import type { Estimate, ModelCard } from '../../../core/model/types';
import { caseInterval } from '../../../core/uncertainty/case-interval';
import type { IntervalCalibration } from '../../../core/uncertainty/interval';

const estimate = (months: number, sexUsed: Estimate['sexUsed'] = 'male', cells = [months - 10, months + 10]): Estimate & { ttaSpread?: number } => ({
  boneAgeMonths: months,
  map: { rows: 1, cols: cells.length, months: Float32Array.from(cells) },
  sexUsed,
});
const cardWith = (interval?: IntervalCalibration) => ({ name: 'm', version: '1', ...(interval ? { interval } : {}) }) as unknown as ModelCard;
const constant: IntervalCalibration = { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 18, withoutSex: { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 27 } };

describe('caseInterval', () => {
  it('gives the estimate ± the calibrated half-width, never below zero', () => {
    expect(caseInterval(estimate(120), cardWith(constant))).toEqual({ kind: 'interval', lo: 102, hi: 138, coverage: 0.9, withoutSex: false });
    expect(caseInterval(estimate(10), cardWith(constant))).toMatchObject({ lo: 0, hi: 28 });
  });

  it('uses the wider calibration for a reading without the sex, and says when there is none', () => {
    expect(caseInterval(estimate(120, 'average'), cardWith(constant))).toEqual({ kind: 'interval', lo: 93, hi: 147, coverage: 0.9, withoutSex: true });
    const { withoutSex: _, ...sexOnly } = constant;
    expect(caseInterval(estimate(120, 'average'), cardWith(sexOnly))).toEqual({ kind: 'none', reason: expect.stringMatching(/without the child's sex: enter the sex/) });
    // A model without sex channels reads every case the same way: the main calibration.
    expect(caseInterval(estimate(120, 'none'), cardWith(sexOnly))).toMatchObject({ kind: 'interval', lo: 102 });
  });

  it('takes the per-case spread the method names (the map cells; the TTA estimates)', () => {
    const spread: IntervalCalibration = { method: 'map-spread', coverage: 0.9, q: 2, offsetMonths: 1 };
    expect(caseInterval(estimate(100), cardWith(spread))).toMatchObject({ lo: 78, hi: 122 }); // cells 90, 110: SD 10 → 2·(1 + 10)
    const tta: IntervalCalibration = { method: 'tta', coverage: 0.8, q: 2, offsetMonths: 1 };
    expect(caseInterval({ ...estimate(100), ttaSpread: 4 }, cardWith(tta))).toMatchObject({ lo: 90, hi: 110, coverage: 0.8 });
    expect(caseInterval(estimate(100), cardWith(tta))).toEqual({ kind: 'none', reason: 'Interval not computed for this estimate.' });
  });

  it('says so when the card has no interval (or no card is known)', () => {
    expect(caseInterval(estimate(100), cardWith())).toEqual({ kind: 'none', reason: 'No calibrated interval for this model.' });
    expect(caseInterval(estimate(100), null).kind).toBe('none');
    expect(caseInterval(estimate(100), cardWith({ ...constant, q: Infinity })).kind).toBe('none');
  });

  it('gives none, not an infinite or broken range, for a calibration on too few cases or a malformed one', () => {
    const fewWithoutSex = { ...constant, withoutSex: { ...constant.withoutSex!, q: Infinity } };
    expect(caseInterval(estimate(100), cardWith(fewWithoutSex))).toMatchObject({ kind: 'interval' });
    expect(caseInterval(estimate(100, 'average'), cardWith(fewWithoutSex))).toEqual({ kind: 'none', reason: expect.stringMatching(/too few cases/) });
    const bands: IntervalCalibration = { method: 'age-band', coverage: 0.9, q: 1, offsetMonths: 0, bandEdges: [60], bandQ: [10, Infinity] };
    expect(caseInterval(estimate(50), cardWith(bands))).toMatchObject({ lo: 40, hi: 60 });
    expect(caseInterval(estimate(100), cardWith(bands))).toMatchObject({ kind: 'none', reason: expect.stringMatching(/too few cases/) });
    expect(caseInterval(estimate(100), cardWith({ ...bands, bandQ: [10] }))).toEqual({ kind: 'none', reason: expect.stringMatching(/malformed/) });
  });
});
