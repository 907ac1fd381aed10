import { beforeEach, describe, expect, it } from 'vitest';
import type { Estimate } from '../../../core/model/types';
import { emptyPatient } from '../../../src/age/patient-info';
import { editPatient } from '../../../src/state/case-access';
import { caseCautions } from '../../../src/state/case-cautions';
import { bothReadingsText, modelSexOf, resultForSex, sexCaution } from '../../../src/state/sex-reading';
import { useStore, type CaseResult, type OpenCase } from '../../../src/state/store';
import type { QcState } from '../../../src/state/qc-store';

const map = (...months: number[]) => ({ rows: 1, cols: months.length, months: Float32Array.from(months) });
const bySex = { male: { boneAgeMonths: 110.04, map: map(100.04, 120.04) }, female: { boneAgeMonths: 129.96, map: map(139.96, 119.96) } };
/** What BoneAgeModel gives a sex-reading model without a sex: the mean of both channels. */
const averaged: Estimate = { boneAgeMonths: 120, map: map(120, 120.0), sexUsed: 'average', bySex };
const plain: Estimate = { boneAgeMonths: 99, map: map(99), sexUsed: 'none' };
const resultOf = (estimate: Estimate): CaseResult => ({ estimate, inferenceMs: 5, backend: 'cpu', modelName: 'm', modelVersion: '1', maeMonths: 10, maeN: 100, reading: 'standard', readingName: 'one pass' });

describe('modelSexOf', () => {
  it('maps PatientSex M/F to the model channels, anything else to unknown', () => {
    expect(modelSexOf({ sex: { value: 'M', from: 'dicom' } })).toBe('male');
    expect(modelSexOf({ sex: { value: 'F', from: 'user' } })).toBe('female');
    expect(modelSexOf({ sex: null })).toBeNull();
    expect(modelSexOf(undefined)).toBeNull();
  });
});

describe('resultForSex', () => {
  it('re-reads a sex-reading estimate for the sex, keeping the rest of the result', () => {
    const r = resultOf(averaged);
    const girl = resultForSex(r, 'female');
    expect(girl).not.toBe(r);
    expect(girl).toMatchObject({ inferenceMs: 5, modelName: 'm', estimate: { boneAgeMonths: 129.96, sexUsed: 'female' } });
    expect(resultForSex(girl, null).estimate).toMatchObject({ boneAgeMonths: 120, sexUsed: 'average' });
  });
  it('gives back the same object when nothing changes, or for a model without sex channels', () => {
    const r = resultOf(averaged);
    expect(resultForSex(r, null)).toBe(r);
    const boy = resultForSex(r, 'male');
    expect(resultForSex(boy, 'male')).toBe(boy);
    const p = resultOf(plain);
    expect(resultForSex(p, 'male')).toBe(p);
    expect(resultForSex(null, 'male')).toBeNull();
  });
});

describe('sex caution and both readings', () => {
  it('cautions only when a sex-reading model was given no sex, with both readings', () => {
    expect(sexCaution(averaged)).toBe(
      "Sex not given: the estimate is the mean of the boy and girl readings (110.0 vs 130.0 months); enter the sex for the model's validated reading.",
    );
    expect(sexCaution(resultForSex(resultOf(averaged), 'male').estimate)).toBeNull();
    expect(sexCaution(plain)).toBeNull();
  });
  it('writes both readings for a sex-reading model only', () => {
    expect(bothReadingsText(averaged)).toBe('boy 110.0 · girl 130.0 months');
    expect(bothReadingsText(plain)).toBeNull();
  });
  it('reaches the case cautions (result, comparison and report) until the sex is given', () => {
    const qc: QcState = { phase: 'ready', model: null, loadError: null, byCase: { 1: { report: { ok: true, flags: [], probabilities: null }, error: null, overridden: false } } as never };
    expect(caseCautions({ seq: 1, result: resultOf(averaged) }, qc, null)).toEqual([sexCaution(averaged)]);
    expect(caseCautions({ seq: 1, result: resultForSex(resultOf(averaged), 'female') }, qc, null)).toEqual([]);
    expect(caseCautions({ seq: 1, result: resultOf(plain) }, qc, null)).toEqual([]);
  });
});

describe('editPatient re-reads the estimate for the sex (the one place the sex changes)', () => {
  const openCase = (seq: number, estimate: Estimate): OpenCase => ({
    seq, fileName: `${seq}.png`, fileBytes: 1, status: 'done', message: null, image: null, imageId: null, result: resultOf(estimate), estimateError: null, patient: emptyPatient(),
  });
  beforeEach(() => useStore.setState({ cases: [openCase(1, averaged), openCase(2, plain), openCase(3, averaged)], selected: 1 }));
  const caseOf = (seq: number) => useStore.getState().cases.find((c) => c.seq === seq)!;

  it('sets the bone age and map to the chosen sex, and back to the mean when cleared', () => {
    editPatient(1, { field: 'sex', value: 'F' });
    expect(caseOf(1).patient.sex).toEqual({ value: 'F', from: 'user' });
    expect(caseOf(1).result!.estimate).toMatchObject({ boneAgeMonths: 129.96, sexUsed: 'female' });
    expect(Array.from(caseOf(1).result!.estimate.map.months)).toEqual(Array.from(bySex.female.map.months));
    editPatient(1, { field: 'sex', value: 'M' });
    expect(caseOf(1).result!.estimate).toMatchObject({ boneAgeMonths: 110.04, sexUsed: 'male' });
    editPatient(1, { field: 'sex', value: null });
    expect(caseOf(1).result!.estimate).toMatchObject({ boneAgeMonths: 120, sexUsed: 'average' });
    // Only the edited case changes.
    expect(caseOf(3).result!.estimate).toBe(averaged);
  });
  it('leaves the result untouched for other edits and for a model without sex channels', () => {
    const before = caseOf(1).result;
    editPatient(1, { field: 'ageMonths', value: 100 });
    expect(caseOf(1).result).toBe(before);
    const plainBefore = caseOf(2).result;
    editPatient(2, { field: 'sex', value: 'M' });
    expect(caseOf(2).result).toBe(plainBefore);
    expect(caseOf(2).result!.estimate.sexUsed).toBe('none');
  });
});
