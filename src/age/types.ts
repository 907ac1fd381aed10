import type { CalendarDate } from './calendar-date';

export type Sex = 'M' | 'F';

/** Where a value came from: read from the DICOM file, or typed (or confirmed) by the user. */
export type Origin = 'dicom' | 'user';

export interface Sourced<T> {
  value: T;
  from: Origin;
}

export type StudyDateTag = 'StudyDate' | 'AcquisitionDate' | 'ContentDate';

/** What the page knows about the child on one case. Every field can be replaced by the user. */
export interface PatientInfo {
  /** What the case was opened from: a DICOM file carries patient data, a PNG/JPEG none. */
  file: 'dicom' | 'picture';
  sex: Sourced<Sex> | null;
  birthDate: Sourced<CalendarDate> | null;
  /** The day the radiograph was taken. `tag`: which DICOM date it came from; `assumed`: filled in
   *  as today for a PNG/JPEG, for the user to correct. */
  studyDate: (Sourced<CalendarDate> & { tag?: StudyDateTag; assumed?: boolean }) | null;
  /** Age given directly: PatientAge from the file (a fallback), or typed by the user (wins over dates). */
  ageMonths: (Sourced<number> & { approximate?: boolean; upToMonths?: number; label?: string }) | null;
  /** Identifiers, only ever shown on the printed report when the user asks for them. */
  name: Sourced<string> | null;
  patientId: Sourced<string> | null;
  /** Things in the file that could not be used (e.g. "PatientBirthDate 20151350 is not a valid date"). */
  notes: string[];
}
