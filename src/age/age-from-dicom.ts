import { parseDate } from './calendar-date';
import { completedMonths, parseDicomAge } from './chronological-age';

export type ChronologicalAge =
  | { months: number; source: string; approximate: boolean }
  | { months: null; reason: string };

/**
 * Chronological age in completed months from DICOM tags: PatientBirthDate with StudyDate (else
 * AcquisitionDate, else ContentDate); PatientAge (nnnD/W/M/Y) as the fallback.
 */
export function chronologicalAgeFromMeta(meta: Record<string, string | number | undefined>): ChronologicalAge {
  const birth = parseDate(str(meta.PatientBirthDate));
  const studyKey = (['StudyDate', 'AcquisitionDate', 'ContentDate'] as const).find((k) => parseDate(str(meta[k])));
  if (birth && studyKey) {
    try {
      return { months: completedMonths(birth, parseDate(str(meta[studyKey]))!), source: `PatientBirthDate and ${studyKey}`, approximate: false };
    } catch {
      return { months: null, reason: `${studyKey} is before PatientBirthDate.` };
    }
  }
  const age = parseDicomAge(str(meta.PatientAge));
  if (age) return { months: age.months, source: `PatientAge ${age.value}${age.unit}`, approximate: age.approximate };
  if (meta.PatientBirthDate !== undefined || meta.PatientAge !== undefined) return { months: null, reason: 'The birth date or age in the file is not a valid date.' };
  return { months: null, reason: 'The file has no birth date or age.' };
}

function str(v: string | number | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}
