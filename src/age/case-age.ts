import { compareDates, formatIsoDate, type CalendarDate } from './calendar-date';
import { completedMonths } from './chronological-age';
import { todayDate } from './patient-info';
import type { PatientInfo } from './types';

export type ChronologicalAge =
  | {
      months: number;
      source: string;
      approximate: boolean;
      /** An approximate age's upper end (PatientAge in years: the child may be up to 11 months older). */
      upToMonths?: number;
      /** The study date was not in the file and is taken as today (a PNG/JPEG): the age is wrong if the radiograph is older. */
      studyDateAssumed?: boolean;
    }
  | { months: null; reason: string };

/**
 * The chronological age to compare the bone age with, in completed months. Order: an age the user
 * typed; else birth date and study date; else PatientAge from the file. Says why when there is none.
 * A study date after `today` (beyond a day, for time zones) is a typing slip or a modality's clock,
 * and would make the child older than they are: no age from the file until it is corrected.
 */
export function chronologicalAgeOf(p: PatientInfo, today: CalendarDate = todayDate()): ChronologicalAge {
  if (p.ageMonths?.from === 'user') return { months: Math.floor(p.ageMonths.value), source: 'age entered by the user', approximate: false };
  // PatientAge too: a modality computes it with the same clock.
  if (p.studyDate && (p.birthDate || p.ageMonths) && isAfterToday(p.studyDate.value, today)) {
    return { months: null, reason: `The ${studyName(p)} ${formatIsoDate(p.studyDate.value)} is later than today (${formatIsoDate(today)}).` };
  }
  if (p.birthDate && p.studyDate) {
    try {
      const months = completedMonths(p.birthDate.value, p.studyDate.value);
      return { months, source: dateSource(p), approximate: false, ...(p.studyDate.assumed ? { studyDateAssumed: true } : {}) };
    } catch {
      return { months: null, reason: `The ${studyName(p)} is before the birth date.` };
    }
  }
  if (p.ageMonths) {
    const { value, label, approximate, upToMonths } = p.ageMonths;
    return { months: value, source: label ?? 'PatientAge', approximate: approximate ?? false, ...(upToMonths !== undefined && upToMonths > value ? { upToMonths } : {}) };
  }
  if (p.birthDate) return { months: null, reason: 'The study date is missing: enter the day the radiograph was taken.' };
  if (p.notes.some((n) => /PatientBirthDate|PatientAge|Date "/.test(n))) return { months: null, reason: 'The birth date or age in the file is not a valid date.' };
  return { months: null, reason: p.file === 'dicom' ? 'The file has no birth date or age.' : 'Enter the birth date (or the age).' };
}

/** Later than the day after `today`: a day is allowed for a modality a time zone ahead. */
export function isAfterToday(date: CalendarDate, today: CalendarDate = todayDate()): boolean {
  const t = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return compareDates(date, { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }) > 0;
}

function studyName(p: PatientInfo): string {
  return p.studyDate?.from === 'dicom' && p.studyDate.tag ? p.studyDate.tag : 'study date';
}

function dateSource(p: PatientInfo): string {
  const birth = p.birthDate!.from === 'dicom' ? 'PatientBirthDate' : 'birth date entered';
  const study = p.studyDate!.from === 'dicom' ? (p.studyDate!.tag ?? 'StudyDate') : p.studyDate!.assumed ? 'study date assumed today' : 'study date entered';
  return `${birth} and ${study}`;
}
