import { describe, expect, it } from 'vitest';
import { chronologicalAgeFromMeta } from '../../../src/age/age-from-dicom';

describe('chronologicalAgeFromMeta', () => {
  it('prefers birth and study dates, falling back to the acquisition date', () => {
    expect(chronologicalAgeFromMeta({ PatientBirthDate: '20150310', StudyDate: '20250309', PatientAge: '010Y' }))
      .toEqual({ months: 119, source: 'PatientBirthDate and StudyDate', approximate: false });
    expect(chronologicalAgeFromMeta({ PatientBirthDate: '20150310', StudyDate: '2025', AcquisitionDate: '20250410' }))
      .toMatchObject({ months: 121, source: 'PatientBirthDate and AcquisitionDate' });
  });
  it('uses PatientAge when the dates are missing, marking years as approximate', () => {
    expect(chronologicalAgeFromMeta({ PatientAge: '009Y' })).toEqual({ months: 108, source: 'PatientAge 9Y', approximate: true, upToMonths: 119 });
    expect(chronologicalAgeFromMeta({ PatientBirthDate: '20150310', PatientAge: '030M' })).toMatchObject({ months: 30, approximate: false });
  });
  it('says why there is no age', () => {
    expect(chronologicalAgeFromMeta({})).toEqual({ months: null, reason: 'The file has no birth date or age.' });
    expect(chronologicalAgeFromMeta({ PatientBirthDate: '20151350' })).toMatchObject({ months: null, reason: expect.stringMatching(/not a valid date/) });
    expect(chronologicalAgeFromMeta({ PatientBirthDate: '20200101', StudyDate: '20191231' })).toMatchObject({ months: null, reason: expect.stringMatching(/before/) });
  });
});
