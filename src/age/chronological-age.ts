import { compareDates, type CalendarDate, daysInMonth } from './calendar-date';

/**
 * Completed months between a birth date and a study date. A month is completed on the same day of
 * the month as the birth day (a study on the 9th for a birth on the 10th has not completed it); when
 * the study month is shorter than the birth day, the month completes on its last day (born on the
 * 31st → completed on 30 April; born on 29 February → completed on 28 February in common years).
 * Throws when the study is before the birth.
 */
export function completedMonths(birth: CalendarDate, study: CalendarDate): number {
  if (compareDates(study, birth) < 0) throw new RangeError('The study date is before the birth date.');
  let months = (study.year - birth.year) * 12 + (study.month - birth.month);
  const anniversaryDay = Math.min(birth.day, daysInMonth(study.year, study.month));
  if (study.day < anniversaryDay) months -= 1;
  return months;
}

/** A DICOM Age String (AS): "nnnD", "nnnW", "nnnM" or "nnnY". */
export interface DicomAge {
  value: number;
  unit: 'D' | 'W' | 'M' | 'Y';
  /** Completed months this age amounts to (days and weeks converted with the mean month, 30.4375 d). */
  months: number;
  /** True when the unit is coarser than a month (years): the months within the year are unknown. */
  approximate: boolean;
  /** The oldest the child can be, in completed months (`months` + 11 for years; else `months`). */
  upToMonths: number;
}

export function parseDicomAge(text: string | undefined | null): DicomAge | null {
  const m = /^\s*(\d{3})([DWMY])\s*$/.exec(text ?? '');
  if (!m) return null;
  const value = Number(m[1]);
  const unit = m[2] as DicomAge['unit'];
  const months = unit === 'Y' ? value * 12 : unit === 'M' ? value : Math.floor((unit === 'W' ? value * 7 : value) / 30.4375);
  return { value, unit, months, approximate: unit === 'Y', upToMonths: unit === 'Y' ? months + 11 : months };
}
