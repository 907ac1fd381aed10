import { formatIsoDate, parseDate, type CalendarDate } from './calendar-date';
import { parseDicomAge } from './chronological-age';
import type { PatientInfo, Sex, StudyDateTag } from './types';

type Meta = Record<string, string | number | undefined>;

const STUDY_DATE_TAGS: readonly StudyDateTag[] = ['StudyDate', 'AcquisitionDate', 'ContentDate'];

/** Patient data from DICOM tags: PatientSex, PatientBirthDate, StudyDate (else AcquisitionDate,
 *  else ContentDate), PatientAge, and the identifiers. Unusable values are left out with a note. */
export function patientFromDicomMeta(meta: Meta): PatientInfo {
  const notes: string[] = [];
  const text = (key: string) => {
    const v = meta[key];
    return v === undefined ? undefined : String(v).trim();
  };

  const sexText = text('PatientSex')?.toUpperCase();
  const sex = sexText === 'M' || sexText === 'F' ? { value: sexText as Sex, from: 'dicom' as const } : null;
  if (sexText && !sex) notes.push(`PatientSex "${sexText}" is neither M nor F; the SD for age needs the child's sex.`);

  const birthText = text('PatientBirthDate');
  const birth = parseDate(birthText);
  if (birthText && !birth) notes.push(`PatientBirthDate "${birthText}" is not a valid date.`);

  let studyDate: PatientInfo['studyDate'] = null;
  for (const tag of STUDY_DATE_TAGS) {
    const raw = text(tag);
    const d = parseDate(raw);
    if (d) {
      studyDate = { value: d, from: 'dicom', tag };
      break;
    }
    if (raw) notes.push(`${tag} "${raw}" is not a valid date.`);
  }

  const ageText = text('PatientAge');
  const age = parseDicomAge(ageText);
  if (ageText && !age) notes.push(`PatientAge "${ageText}" is not a DICOM age (nnnD, nnnW, nnnM or nnnY).`);

  const name = text('PatientName')?.replace(/\^+/g, ' ').trim();
  const id = text('PatientID');
  return {
    file: 'dicom',
    sex,
    birthDate: birth ? { value: birth, from: 'dicom' } : null,
    studyDate,
    ageMonths: age ? { value: age.months, from: 'dicom', approximate: age.approximate, upToMonths: age.upToMonths, label: `PatientAge ${age.value}${age.unit}` } : null,
    name: name ? { value: name, from: 'dicom' } : null,
    patientId: id ? { value: id, from: 'dicom' } : null,
    notes,
  };
}

/** A PNG or JPEG carries no patient data: everything is asked for. The study date starts as today,
 *  marked as assumed, since most images are read the day they are taken. */
export function emptyPatient(today: CalendarDate = todayDate()): PatientInfo {
  return { file: 'picture', sex: null, birthDate: null, studyDate: { value: today, from: 'user', assumed: true }, ageMonths: null, name: null, patientId: null, notes: [] };
}

export function patientFromImage(image: { format: string; meta: Meta }, today?: CalendarDate): PatientInfo {
  return image.format === 'dicom' ? patientFromDicomMeta(image.meta) : emptyPatient(today);
}

export function todayDate(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** What a user edit replaces. Setting a date drops an age typed earlier (the dates now decide);
 *  a cleared field is null. */
export type PatientEdit =
  | { field: 'sex'; value: Sex | null }
  | { field: 'birthDate' | 'studyDate'; value: CalendarDate | null }
  | { field: 'ageMonths'; value: number | null }
  | { field: 'name' | 'patientId'; value: string | null };

export function applyPatientEdit(p: PatientInfo, edit: PatientEdit): PatientInfo {
  switch (edit.field) {
    case 'sex':
      return { ...p, sex: edit.value ? { value: edit.value, from: 'user' } : null };
    case 'birthDate':
    case 'studyDate': {
      const next = { ...p, [edit.field]: edit.value ? { value: edit.value, from: 'user' } : null };
      if (p.ageMonths?.from === 'user') next.ageMonths = null;
      return next;
    }
    case 'ageMonths':
      if (edit.value !== null && (!Number.isFinite(edit.value) || edit.value < 0)) throw new RangeError('An age must be a number of months, 0 or more.');
      return { ...p, ageMonths: edit.value === null ? null : { value: edit.value, from: 'user' } };
    case 'name':
    case 'patientId': {
      // Kept as typed (a controlled input must not lose the space being typed); blank means none.
      const v = edit.value;
      return { ...p, [edit.field]: v && v.trim() ? { value: v, from: 'user' } : null };
    }
  }
}

export { formatIsoDate };
