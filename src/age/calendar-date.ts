/** A calendar date without time or zone: what DICOM DA values and birth dates are. */
export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidDate(d: CalendarDate): boolean {
  return Number.isInteger(d.year) && Number.isInteger(d.month) && Number.isInteger(d.day) &&
    d.year >= 1800 && d.year <= 2999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Parses a DICOM DA value ("YYYYMMDD"; the retired ACR-NEMA "YYYY.MM.DD" too) or an ISO "YYYY-MM-DD"
 * from a date input. Returns null for anything that is not a real calendar date (e.g. 20230230).
 */
export function parseDate(text: string | undefined | null): CalendarDate | null {
  if (!text) return null;
  const m = /^\s*(\d{4})[-.]?(\d{2})[-.]?(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : null;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
