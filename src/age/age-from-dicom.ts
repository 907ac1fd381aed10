import { chronologicalAgeOf, type ChronologicalAge } from './case-age';
import { patientFromDicomMeta } from './patient-info';

export type { ChronologicalAge };

/**
 * Chronological age in completed months from DICOM tags: PatientBirthDate with StudyDate (else
 * AcquisitionDate, else ContentDate); PatientAge (nnnD/W/M/Y) as the fallback.
 */
export function chronologicalAgeFromMeta(meta: Record<string, string | number | undefined>): ChronologicalAge {
  return chronologicalAgeOf(patientFromDicomMeta(meta));
}
