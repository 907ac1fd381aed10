import { describe, expect, it } from 'vitest';
import { applyPatientEdit, patientFromDicomMeta } from '../../../src/age/patient-info';
import { readingOf } from '../../../src/state/case-comparison';
import type { CaseResult } from '../../../src/state/store';
import type { ModelCard } from '../../../core/model/types';

const result = (boneAgeMonths: number) =>
  ({
    estimate: { boneAgeMonths, map: { rows: 1, cols: 1, months: new Float32Array([boneAgeMonths]) } },
    inferenceMs: 1,
    backend: 'cpu',
    modelName: 'm',
    modelVersion: '1',
    maeMonths: 12.3,
    maeN: 10,
  }) as unknown as CaseResult;

describe('readingOf', () => {
  it('has the chronological age before the estimate, and no comparison or text', () => {
    const r = readingOf({ patient: patientFromDicomMeta({ PatientSex: 'F', PatientBirthDate: '20150310', StudyDate: '20250309' }), result: null });
    expect(r.chronological).toMatchObject({ months: 119 });
    expect(r.comparison).toBeNull();
    expect(r.text).toBeNull();
  });
  it('derives the comparison and text from the patient data and the estimate, following edits', () => {
    let patient = patientFromDicomMeta({ PatientSex: 'F', PatientBirthDate: '20150310', StudyDate: '20250310' });
    let r = readingOf({ patient, result: result(150) });
    expect(r.comparison).toMatchObject({ differenceMonths: 30, sdMonths: 11.73, verdict: 'advanced' });
    expect(r.text).toContain('Sex: female.');
    expect(r.text).toContain('model m v1 (validated mean absolute error 12.3 months, n = 10)');
    patient = applyPatientEdit(patient, { field: 'sex', value: 'M' });
    r = readingOf({ patient, result: result(150) });
    expect(r.comparison).toMatchObject({ sdMonths: 9.79, verdict: 'advanced' });
    patient = applyPatientEdit(patient, { field: 'birthDate', value: { year: 2013, month: 3, day: 10 } });
    r = readingOf({ patient, result: result(150) });
    expect(r.comparison).toMatchObject({ differenceMonths: 6, verdict: 'within normal limits' });
  });
  it('gives the interval of the card passed in, in the reading and its text; none asked for, none said', () => {
    const patient = patientFromDicomMeta({ PatientSex: 'F', PatientBirthDate: '20150310', StudyDate: '20250310' });
    const card = { interval: { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 18.6 } } as unknown as ModelCard;
    const r = readingOf({ patient, result: result(150) }, [], card);
    expect(r.interval).toMatchObject({ kind: 'interval', lo: 131.4, hi: 168.6, coverage: 0.9 });
    expect(r.text).toContain('90% prediction interval (model error, calibrated on held-out cases): 10 years 11 months to 14 years 1 month (131-169 months)');
    expect(readingOf({ patient, result: result(150) }, [], null).interval).toMatchObject({ kind: 'none' });
    // A reading without the sex (the mean of both) takes the card's wider calibration for it, and says so.
    const cardBoth = { interval: { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 18.6, withoutSex: { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 27.5 } } } as unknown as ModelCard;
    const noSex = applyPatientEdit(patient, { field: 'sex', value: null });
    const averaged = { ...result(150), estimate: { ...result(150).estimate, sexUsed: 'average' } } as CaseResult;
    const a = readingOf({ patient: noSex, result: averaged }, [], cardBoth);
    expect(a.interval).toMatchObject({ kind: 'interval', lo: 122.5, hi: 177.5, withoutSex: true });
    expect(a.text).toContain('(model error, calibrated on held-out cases, for a reading without the sex): 10 years 3 months to 14 years 10 months (123-178 months).');
    const without = readingOf({ patient, result: result(150) });
    expect(without.interval).toBeNull();
    expect(without.text).not.toMatch(/interval/i);
  });
});
