import { describe, expect, it } from 'vitest';
import { applyPatientEdit, patientFromDicomMeta } from '../../../src/age/patient-info';
import { readingOf } from '../../../src/state/case-comparison';
import type { CaseResult } from '../../../src/state/store';

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
});
