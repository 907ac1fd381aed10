import { describe, expect, it } from 'vitest';
import { chronologicalAgeOf } from '../../../src/age/case-age';
import { applyPatientEdit, emptyPatient, patientFromDicomMeta, patientFromImage, todayDate } from '../../../src/age/patient-info';

const D = (year: number, month: number, day: number) => ({ year, month, day });

describe('patientFromDicomMeta', () => {
  it('reads sex, birth date, study date, age and identifiers, marked as from the file', () => {
    const p = patientFromDicomMeta({ PatientSex: 'F ', PatientBirthDate: '20150310', StudyDate: '20250309', PatientAge: '009Y', PatientName: 'Doe^Jane', PatientID: 'A123' });
    expect(p).toEqual({
      file: 'dicom',
      sex: { value: 'F', from: 'dicom' },
      birthDate: { value: D(2015, 3, 10), from: 'dicom' },
      studyDate: { value: D(2025, 3, 9), from: 'dicom', tag: 'StudyDate' },
      ageMonths: { value: 108, from: 'dicom', approximate: true, upToMonths: 119, label: 'PatientAge 9Y' },
      name: { value: 'Doe Jane', from: 'dicom' },
      patientId: { value: 'A123', from: 'dicom' },
      notes: [],
    });
  });
  it('falls back StudyDate → AcquisitionDate → ContentDate, noting malformed ones', () => {
    const p = patientFromDicomMeta({ StudyDate: '20250231', AcquisitionDate: 'yesterday', ContentDate: '20250301' });
    expect(p.studyDate).toEqual({ value: D(2025, 3, 1), from: 'dicom', tag: 'ContentDate' });
    expect(p.notes).toEqual(['StudyDate "20250231" is not a valid date.', 'AcquisitionDate "yesterday" is not a valid date.']);
  });
  it('leaves out a sex other than M/F and malformed birth dates and ages, with notes', () => {
    const p = patientFromDicomMeta({ PatientSex: 'O', PatientBirthDate: '2015', PatientAge: '9Y' });
    expect(p.sex).toBeNull();
    expect(p.birthDate).toBeNull();
    expect(p.ageMonths).toBeNull();
    expect(p.notes).toHaveLength(3);
    expect(p.notes.join(' ')).toMatch(/PatientSex "O".*PatientBirthDate "2015".*PatientAge "9Y"/);
  });
});

describe('chronologicalAgeOf', () => {
  it('uses completed months from birth and study dates', () => {
    const p = patientFromDicomMeta({ PatientBirthDate: '20160229', StudyDate: '20170228' });
    expect(chronologicalAgeOf(p)).toEqual({ months: 12, source: 'PatientBirthDate and StudyDate', approximate: false });
  });
  it('PatientAge is the fallback in every unit', () => {
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientAge: '045D' }))).toMatchObject({ months: 1, source: 'PatientAge 45D' });
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientAge: '003W' }))).toMatchObject({ months: 0 });
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientAge: '011M' }))).toMatchObject({ months: 11, approximate: false });
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientAge: '001Y' }))).toMatchObject({ months: 12, approximate: true });
  });
  it('an age typed by the user wins over the dates; editing a date drops it again', () => {
    let p = patientFromDicomMeta({ PatientBirthDate: '20150310', StudyDate: '20250309' });
    p = applyPatientEdit(p, { field: 'ageMonths', value: 100 });
    expect(chronologicalAgeOf(p)).toEqual({ months: 100, source: 'age entered by the user', approximate: false });
    p = applyPatientEdit(p, { field: 'birthDate', value: D(2014, 3, 10) });
    expect(p.ageMonths).toBeNull();
    expect(chronologicalAgeOf(p)).toEqual({ months: 131, source: 'birth date entered and StudyDate', approximate: false });
  });
  it('says what is missing for a PNG until the user fills it in', () => {
    let p = emptyPatient(D(2026, 11, 30));
    expect(chronologicalAgeOf(p)).toEqual({ months: null, reason: 'Enter the birth date (or the age).' });
    p = applyPatientEdit(p, { field: 'birthDate', value: D(2016, 12, 1) });
    expect(chronologicalAgeOf(p)).toEqual({ months: 119, source: 'birth date entered and study date assumed today', approximate: false, studyDateAssumed: true });
    p = applyPatientEdit(p, { field: 'studyDate', value: null });
    expect(chronologicalAgeOf(p)).toMatchObject({ months: null, reason: expect.stringMatching(/study date is missing/) });
  });
  it('refuses a study before the birth', () => {
    const p = patientFromDicomMeta({ PatientBirthDate: '20200101', AcquisitionDate: '20191231' });
    expect(chronologicalAgeOf(p)).toEqual({ months: null, reason: 'The AcquisitionDate is before the birth date.' });
  });
  it('gives no age from a study date after today (a day allowed for time zones) until it is corrected', () => {
    const today = D(2026, 12, 31);
    const file = patientFromDicomMeta({ PatientBirthDate: '20150310', StudyDate: '20270102' });
    expect(chronologicalAgeOf(file, today)).toEqual({ months: null, reason: 'The StudyDate 2027-01-02 is later than today (2026-12-31).' });
    // Tomorrow (across the year's end) is still read: a modality a time zone ahead.
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientBirthDate: '20150310', StudyDate: '20270101' }), today)).toMatchObject({ months: 141 });
    // A typed slip, and its correction.
    let p = applyPatientEdit(emptyPatient(today), { field: 'birthDate', value: D(2016, 1, 1) });
    p = applyPatientEdit(p, { field: 'studyDate', value: D(2062, 12, 1) });
    expect(chronologicalAgeOf(p, today)).toMatchObject({ months: null, reason: expect.stringMatching(/study date 2062-12-01 is later than today/) });
    p = applyPatientEdit(p, { field: 'studyDate', value: D(2026, 12, 1) });
    expect(chronologicalAgeOf(p, today)).toMatchObject({ months: 131 });
    // PatientAge comes from the same clock: not used either, with or without a birth date; a typed age wins as always.
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientAge: '010Y', StudyDate: '20300101' }), today)).toMatchObject({ months: null, reason: expect.stringMatching(/StudyDate 2030-01-01 is later/) });
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientBirthDate: '20150310', PatientAge: '010Y', StudyDate: '20300101' }), today)).toMatchObject({ months: null });
    expect(chronologicalAgeOf(patientFromDicomMeta({ PatientAge: '010Y', StudyDate: '20261201' }), today)).toMatchObject({ months: 120 });
    expect(chronologicalAgeOf(applyPatientEdit(file, { field: 'ageMonths', value: 100 }), today)).toMatchObject({ months: 100 });
  });
});

describe('applyPatientEdit', () => {
  it('marks edited values as from the user and clears with null', () => {
    const p = patientFromDicomMeta({ PatientSex: 'M', PatientName: 'X' });
    expect(applyPatientEdit(p, { field: 'sex', value: 'F' }).sex).toEqual({ value: 'F', from: 'user' });
    expect(applyPatientEdit(p, { field: 'sex', value: null }).sex).toBeNull();
    expect(applyPatientEdit(p, { field: 'name', value: '  ' }).name).toBeNull();
    expect(applyPatientEdit(p, { field: 'patientId', value: 'A 42 ' }).patientId).toEqual({ value: 'A 42 ', from: 'user' });
    expect(p.sex).toEqual({ value: 'M', from: 'dicom' }); // not mutated
  });
  it('rejects a negative or non-numeric age', () => {
    const p = emptyPatient();
    expect(() => applyPatientEdit(p, { field: 'ageMonths', value: -1 })).toThrow(/0 or more/);
    expect(() => applyPatientEdit(p, { field: 'ageMonths', value: NaN })).toThrow();
  });
});

describe('patientFromImage', () => {
  it('asks everything for a PNG/JPEG, with today as the assumed study date', () => {
    expect(patientFromImage({ format: 'png', meta: { PatientSex: 'M' } }, D(2026, 1, 2))).toEqual({
      file: 'picture', sex: null, birthDate: null, studyDate: { value: D(2026, 1, 2), from: 'user', assumed: true }, ageMonths: null, name: null, patientId: null, notes: [],
    });
    expect(patientFromImage({ format: 'dicom', meta: { PatientSex: 'M' } }).sex).toEqual({ value: 'M', from: 'dicom' });
  });
  it('todayDate uses the local calendar day', () => {
    expect(todayDate(new Date(2024, 1, 29, 23, 59))).toEqual(D(2024, 2, 29));
  });
});
