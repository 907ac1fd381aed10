import type { CaseStatus } from './case-status';

/** What one worklist row needs for the CSV (a subset of OpenCase). */
export interface CsvCase {
  seq: number;
  fileName: string;
  status: CaseStatus;
  message: string | null;
  result: { estimate: { boneAgeMonths: number; sexUsed?: string }; modelName: string; modelVersion: string; backend: string; maeMonths: number | null; readingName?: string } | null;
  /** The comparison with the child's age, when known (src/state/case-comparison.ts readingOf). */
  comparison?: {
    sex: string | null;
    chronologicalMonths: number | null;
    sds: number | null;
    verdict: string;
    /** Where the chronological age came from, e.g. "PatientBirthDate and StudyDate"; or why there is none. */
    chronologicalSource?: string | null;
    chronologicalReason?: string | null;
    /** Known only roughly (PatientAge in years): true; its upper end, when a range. */
    chronologicalApproximate?: boolean;
    chronologicalUpToMonths?: number | null;
    /** The study date was taken as today (a PNG/JPEG), not read or typed. */
    studyDateAssumed?: boolean;
  } | null;
  /** The estimate's calibrated interval, or why the reading has none. */
  interval?: { lo: number; hi: number; coverage: number } | { reason: string } | null;
  /** Quality control: 'ok', the flag codes joined by ';', or 'unchecked'. */
  qc?: string | null;
}

export const CSV_COLUMNS = [
  'case', 'file', 'status', 'bone_age_months', 'bone_age_years', 'sex', 'chronological_age_months', 'sds', 'verdict', 'qc', 'model', 'model_mae_months', 'backend', 'message', 'sex_used', 'reading',
  'interval_low_months', 'interval_high_months', 'interval_coverage', 'interval_note',
  'chronological_age_source', 'chronological_age_approximate', 'chronological_age_up_to_months', 'study_date_assumed', 'chronological_age_note',
] as const;

const yesNo = (b: boolean | undefined): string | null => (b === undefined ? null : b ? 'yes' : 'no');

/**
 * One field, RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled). Text that a
 * spreadsheet would run as a formula (=, +, -, @ or their full-width forms, after any blanks; tab or CR at the start; e.g. a crafted file name) is
 * prefixed with an apostrophe; numbers are written as numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  // Also after leading blanks, and the full-width signs: some spreadsheets trim or normalise before parsing.
  if (/^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The worklist as CSV: a header row, one row per case in worklist order, CRLF line ends. */
export function worklistCsv(cases: readonly CsvCase[]): string {
  const rows = cases.map((c) => {
    const r = c.result;
    const months = r ? Number(r.estimate.boneAgeMonths.toFixed(1)) : null;
    const years = r ? Number((r.estimate.boneAgeMonths / 12).toFixed(2)) : null;
    // Only when there is a chronological age to qualify.
    const ch = c.comparison?.chronologicalMonths != null ? c.comparison : null;
    const iv = r && c.interval && 'lo' in c.interval ? c.interval : null;
    return [
      c.seq,
      c.fileName,
      c.status,
      months,
      years,
      c.comparison?.sex ?? null,
      c.comparison?.chronologicalMonths ?? null,
      c.comparison?.sds != null ? Number(c.comparison.sds.toFixed(2)) : null,
      c.comparison && r ? c.comparison.verdict : null,
      c.qc ?? null,
      r ? `${r.modelName} v${r.modelVersion}` : null,
      r?.maeMonths != null ? Number(r.maeMonths.toFixed(1)) : null,
      r?.backend ?? null,
      c.status === 'failed' ? c.message : null,
      // Which of the model's sex readings gave the bone age: male, female, average (sex not given), none (model without).
      r?.estimate.sexUsed ?? null,
      // Which reading gave it (one pass, careful): model_mae_months is that reading's validated error.
      r?.readingName ?? null,
      // Rounded as on the page; the interval of that reading (and of the sex reading used).
      iv ? Math.round(iv.lo) : null,
      iv ? Math.round(iv.hi) : null,
      iv ? iv.coverage : null,
      r && c.interval && 'reason' in c.interval ? c.interval.reason : null,
      // How far the chronological age can be trusted: a verdict on an approximate age or an assumed study date needs checking.
      ch ? ch.chronologicalSource ?? null : null,
      ch ? yesNo(ch.chronologicalApproximate) : null,
      ch?.chronologicalUpToMonths ?? null,
      ch ? yesNo(ch.studyDateAssumed) : null,
      // Why a case with an estimate has no chronological age (so no SDS or verdict).
      r && !ch ? c.comparison?.chronologicalReason ?? null : null,
    ];
  });
  return [CSV_COLUMNS as readonly (string | number | null)[], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
