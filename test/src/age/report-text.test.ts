import { describe, expect, it } from 'vitest';
import { compareAges } from '../../../src/age/comparison';
import { signed, yearsMonthsLong } from '../../../src/age/format';
import { reportText } from '../../../src/age/report-text';

const model = { name: 'bonet-rsna100', version: '1.0.0', maeMonths: 14.913, maeN: 1148 };
const chrono = (months: number) => ({ months, source: 'PatientBirthDate and StudyDate', approximate: false });

describe('reportText', () => {
  it('holds chronological age, bone age, model and MAE, SD, SDS and verdict', () => {
    const text = reportText(compareAges(140.26, chrono(120), 'M'), model);
    expect(text).toContain('Sex: male.');
    expect(text).toContain('Chronological age: 10 years 0 months (120 months).');
    expect(text).toContain('Bone age: 11 years 8 months (140.3 months), estimated by the model bonet-rsna100 v1.0.0 (validated mean absolute error 14.9 months, n = 1148).');
    expect(text).toContain('Bone age minus chronological age: +20.3 months.');
    expect(text).toContain('Standard deviation for age (Greulich & Pyle 1959 (Brush Foundation) standard deviations): 9.8 months.');
    expect(text).toContain(`Standard deviation score (SDS): +${(20.26 / 9.79).toFixed(2)}.`);
    expect(text).toContain('IMPRESSION: Advanced bone age (more than 2 SD above the chronological age).');
    expect(text).toMatch(/research tool, not a medical device/);
    expect(text).toMatch(/^[\x20-\x7e\n–&]*$/); // plain text: ASCII signs (the en dash only in "Greulich–Pyle" if any)
  });
  it('names the reading that made the estimate, with that reading\'s validated error', () => {
    const text = reportText(compareAges(140.26, chrono(120), 'M'), { ...model, maeMonths: 8.96, maeN: 1721, readingName: 'careful reading, 5 passes' });
    expect(text).toContain('estimated by the model bonet-rsna100 v1.0.0 (careful reading, 5 passes; validated mean absolute error 9.0 months, n = 1721).');
    expect(text).toMatch(/^[\x20-\x7e\n–&]*$/);
  });
  it('gives the calibrated interval after the bone age, rounded as on the page, or says why there is none', () => {
    const c = compareAges(140.26, chrono(120), 'M');
    const text = reportText(c, { ...model, interval: { kind: 'interval', lo: 121.6, hi: 158.92, coverage: 0.9, withoutSex: false } });
    expect(text).toMatch(/\(140\.3 months\), estimated by .*\nBone age 90% prediction interval \(model error, calibrated on held-out cases\): 10 years 2 months to 13 years 3 months \(122-159 months\)\.\nBone age minus/);
    expect(text).toMatch(/^[\x20-\x7e\n–&]*$/);
    const noSex = reportText(compareAges(140.26, chrono(120), null), { ...model, interval: { kind: 'interval', lo: 113, hi: 167.5, coverage: 0.9, withoutSex: true } });
    expect(noSex).toContain('Bone age 90% prediction interval (model error, calibrated on held-out cases, for a reading without the sex): 9 years 5 months to 14 years 0 months (113-168 months).');
    expect(reportText(c, { ...model, interval: { kind: 'none', reason: 'No calibrated interval for this model.' } })).toContain('Bone age prediction interval: not given (no calibrated interval for this model).');
    expect(reportText(c, model)).not.toMatch(/interval/i); // not asked for: not said
  });
  it('delayed, with ASCII minus signs', () => {
    const text = reportText(compareAges(80, chrono(120), 'F'), model);
    expect(text).toContain('Bone age minus chronological age: -40.0 months.');
    expect(text).toContain(`SDS): -${(40 / 11.73).toFixed(2)}.`);
    expect(text).toContain('IMPRESSION: Delayed bone age');
  });
  it('puts the automated checks\' cautions before the impression, and none when there are none', () => {
    const text = reportText(compareAges(121, chrono(120), 'F'), model, ['The image was not quality-checked.']);
    expect(text).toMatch(/CAUTION: The image was not quality-checked\.\n\nIMPRESSION:/);
    expect(reportText(compareAges(121, chrono(120), 'F'), model)).not.toContain('CAUTION');
  });
  it('within normal limits', () => {
    expect(reportText(compareAges(121, chrono(120), 'F'), model)).toContain('IMPRESSION: Bone age within normal limits (within 2 SD of the chronological age).');
  });
  it('says why there is no SDS', () => {
    const noSex = reportText(compareAges(121, chrono(120), null), model);
    expect(noSex).toContain('Sex: not known.');
    expect(noSex).toMatch(/Standard deviation for age: not applicable \(the SD for age depends on the child's sex/);
    expect(noSex).toMatch(/IMPRESSION: Bone age 10 years 1 month; comparison with the chronological age is indeterminate/);
    const noAge = reportText(compareAges(121, { months: null, reason: 'Enter the birth date (or the age).' }, 'M'), { ...model, maeMonths: null, maeN: null });
    expect(noAge).toContain('Chronological age: not known (Enter the birth date (or the age).)');
    expect(noAge).toContain('validated error not reported');
    expect(noAge).not.toContain('minus chronological age');
  });
  it('stays ASCII when the age is outside the SD table (the reason is quoted in the report)', () => {
    expect(reportText(compareAges(10, chrono(2), 'M'), model)).toMatch(/^[\x20-\x7e\n]*$/);
  });
  it('marks an approximate age (PatientAge in years)', () => {
    expect(reportText(compareAges(121, { months: 120, source: 'PatientAge 10Y', approximate: true }, 'M'), model)).toContain('(120 months, approximate)');
    const years = reportText(compareAges(36, { months: 24, source: 'PatientAge 2Y', approximate: true, upToMonths: 35 }, 'M'), model);
    expect(years).toContain('Chronological age: 2 years 0 months (24 months, approximate: 24-35 months).');
    expect(years).toMatch(/IMPRESSION: Bone age 3 years 0 months; comparison with the chronological age is indeterminate \(the age is known only to 24-35 months/);
    expect(years).toMatch(/^[\x20-\x7e\n–&]*$/);
  });
  it('says where the chronological age came from, and cautions when the study date was taken as today', () => {
    const dates = reportText(compareAges(121, chrono(120), 'F'), model);
    expect(dates).toContain('Chronological age: 10 years 0 months (120 months).\nChronological age from: PatientBirthDate and StudyDate.');
    expect(dates).not.toContain('CAUTION');
    const assumed = reportText(compareAges(121, { ...chrono(120), source: 'birth date entered and study date assumed today', studyDateAssumed: true }, 'F'), model, ['Not quality-checked.']);
    expect(assumed).toContain('Chronological age from: birth date entered and study date assumed today.');
    expect(assumed).toMatch(/CAUTION: The study date is not in the file and was taken as today; the chronological age is too high if the radiograph was taken earlier\.\nCAUTION: Not quality-checked\.\n\nIMPRESSION/);
  });
});

describe('format helpers', () => {
  it('yearsMonthsLong', () => {
    expect(yearsMonthsLong(119)).toBe('9 years 11 months');
    expect(yearsMonthsLong(12.4)).toBe('1 year 0 months');
    expect(yearsMonthsLong(13)).toBe('1 year 1 month');
    expect(yearsMonthsLong(-5)).toBe('-0 years 5 months');
    expect(yearsMonthsLong(-0.3)).toBe('0 years 0 months'); // rounds to nothing: no sign
    expect(yearsMonthsLong(NaN)).toBe('unknown');
  });
  it('signed', () => {
    expect(signed(1.234, 2)).toBe('+1.23');
    expect(signed(-1.234, 1)).toBe('−1.2');
    expect(signed(-1.234, 1, '-')).toBe('-1.2');
    expect(signed(-0.001, 1)).toBe('0.0');
  });
});
