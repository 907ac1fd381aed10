import { describe, expect, it } from 'vitest';
import { csvField, worklistCsv, type CsvCase } from '../../../src/worklist/csv';
import { worklistFileName } from '../../../src/worklist/download';
import { parseCsv } from '../../helpers/parse-csv';

const result = (months: number, sexUsed?: string) => ({ estimate: { boneAgeMonths: months, sexUsed }, modelName: 'bonet-rsna100', modelVersion: '1.0.0', backend: 'wasm', maeMonths: 14.91 });

describe('csvField', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('hand.png')).toBe('hand.png');
    expect(csvField('a,b.png')).toBe('"a,b.png"');
    expect(csvField('say "hi".dcm')).toBe('"say ""hi"".dcm"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(123.4)).toBe('123.4');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1.png')).toBe("'+1.png");
    expect(csvField('-cmd.png')).toBe("'-cmd.png");
    expect(csvField('@sum.dcm')).toBe("'@sum.dcm");
    expect(csvField('  =1+1.png')).toBe("'  =1+1.png");
    expect(csvField('\uff1dSUM(A1).png')).toBe("'\uff1dSUM(A1).png");
    expect(csvField('hand-1.png')).toBe('hand-1.png');
  });
});

describe('worklistCsv', () => {
  const cases: CsvCase[] = [
    { seq: 1, fileName: 'hand 1.png', status: 'done', message: null, result: result(124.349) },
    { seq: 2, fileName: 'broken, "really".png', status: 'failed', message: 'Not a PNG, JPEG or DICOM file:\nthe first bytes are 00 01.', result: null },
    { seq: 3, fileName: 'IM0001', status: 'queued', message: null, result: null },
    { seq: 4, fileName: 'élève.dcm', status: 'done', message: null, result: { ...result(7, 'male'), maeMonths: 8.93, readingName: 'careful reading, 5 passes' }, comparison: { sex: 'M', chronologicalMonths: 30, sds: -5.0884, verdict: 'delayed' }, qc: 'mirrored' },
    {
      seq: 5, fileName: 'age-in-years.dcm', status: 'done', message: null, result: result(40.4, 'female'),
      comparison: { sex: 'F', chronologicalMonths: 24, sds: 2.3, verdict: 'indeterminate', chronologicalSource: 'PatientAge 002Y', chronologicalApproximate: true, chronologicalUpToMonths: 35, studyDateAssumed: false },
      interval: { lo: 21.74, hi: 59.06, coverage: 0.9 },
    },
    // An interval and age qualifiers without an estimate or an age are not written.
    { seq: 6, fileName: 'photo.png', status: 'failed', message: 'Not a hand.', result: null, comparison: { sex: null, chronologicalMonths: null, sds: null, verdict: 'indeterminate', chronologicalSource: 'x', studyDateAssumed: true, chronologicalReason: 'y' }, interval: { lo: 1, hi: 2, coverage: 0.9 } },
    // An estimate without an interval or an age: the CSV says why.
    {
      seq: 7, fileName: 'no-sex.png', status: 'done', message: null, result: result(100, 'average'),
      comparison: { sex: null, chronologicalMonths: null, sds: null, verdict: 'indeterminate', chronologicalReason: 'The StudyDate 2099-01-01 is later than today (2026-12-04).' },
      interval: { reason: "No interval calibrated for a reading without the child's sex: enter the sex." },
    },
  ];

  it('writes a header and one row per case that read back to the same fields', () => {
    const text = worklistCsv(cases);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual([
      'case', 'file', 'status', 'bone_age_months', 'bone_age_years', 'sex', 'chronological_age_months', 'sds', 'verdict', 'qc', 'model', 'model_mae_months', 'backend', 'message', 'sex_used', 'reading',
      'interval_low_months', 'interval_high_months', 'interval_coverage', 'interval_note',
      'chronological_age_source', 'chronological_age_approximate', 'chronological_age_up_to_months', 'study_date_assumed', 'chronological_age_note',
    ]);
    const none = ['', '', '', '', '', '', '', '', ''];
    expect(rows[1]).toEqual(['1', 'hand 1.png', 'done', '124.3', '10.36', '', '', '', '', '', 'bonet-rsna100 v1.0.0', '14.9', 'wasm', '', '', '', ...none]);
    expect(rows[2]).toEqual(['2', 'broken, "really".png', 'failed', '', '', '', '', '', '', '', '', '', '', 'Not a PNG, JPEG or DICOM file:\nthe first bytes are 00 01.', '', '', ...none]);
    expect(rows[3]).toEqual(['3', 'IM0001', 'queued', '', '', '', '', '', '', '', '', '', '', '', '', '', ...none]);
    // A comparison made before the age qualifiers existed leaves them blank rather than claiming "no".
    expect(rows[4]).toEqual(['4', 'élève.dcm', 'done', '7', '0.58', 'M', '30', '-5.09', 'delayed', 'mirrored', 'bonet-rsna100 v1.0.0', '8.9', 'wasm', '', 'male', 'careful reading, 5 passes', ...none]);
    expect(rows[5].slice(5, 9)).toEqual(['F', '24', '2.3', 'indeterminate']);
    expect(rows[5].slice(16)).toEqual(['22', '59', '0.9', '', 'PatientAge 002Y', 'yes', '35', 'no', '']);
    expect(rows[6].slice(16)).toEqual(none);
    expect(rows[7].slice(16)).toEqual(['', '', '', "No interval calibrated for a reading without the child's sex: enter the sex.", '', '', '', '', 'The StudyDate 2099-01-01 is later than today (2026-12-04).']);
    for (const r of rows) expect(r).toHaveLength(25);
  });

  it('is just the header for an empty worklist', () => {
    expect(parseCsv(worklistCsv([]))).toHaveLength(1);
  });

  it('names the download by local date and time', () => {
    expect(worklistFileName(new Date(2026, 10, 3, 9, 5))).toBe('boneage-worklist-2026-11-03T09-05.csv');
  });
});
