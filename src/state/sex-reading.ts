import { readingForSex } from '../../core/model/age-map';
import type { Estimate, ModelSex } from '../../core/model/types';
import type { PatientInfo } from '../age/types';

/** The patient's sex as the model takes it (PatientSex M/F, or what the reader chose); null = not known. */
export function modelSexOf(patient: Pick<PatientInfo, 'sex'> | null | undefined): ModelSex {
  const s = patient?.sex?.value;
  return s === 'M' ? 'male' : s === 'F' ? 'female' : null;
}

/** What `sexUsed` an estimate should have for this sex: the model's own channel, the mean of both, or
 *  'none' for a model without sex channels. */
function wantedSexUsed(e: Estimate, sex: ModelSex): Estimate['sexUsed'] {
  if (!e.bySex) return 'none';
  return sex ?? 'average';
}

/** A case result re-read for the case's sex (no network run). The same object when nothing changes,
 *  so the store and React see no edit where there is none. */
export function resultForSex<R extends { estimate: Estimate }>(result: R, sex: ModelSex): R;
export function resultForSex<R extends { estimate: Estimate }>(result: R | null, sex: ModelSex): R | null;
export function resultForSex<R extends { estimate: Estimate }>(result: R | null, sex: ModelSex): R | null {
  if (!result || result.estimate.sexUsed === wantedSexUsed(result.estimate, sex)) return result;
  return { ...result, estimate: readingForSex(result.estimate, sex) };
}

const months1 = (m: number) => m.toFixed(1);

/** The caution for a sex-reading model given no sex; null otherwise. */
export function sexCaution(e: Pick<Estimate, 'sexUsed' | 'bySex'>): string | null {
  if (e.sexUsed !== 'average' || !e.bySex) return null;
  const { male, female } = e.bySex;
  return (
    `Sex not given: the estimate is the mean of the boy and girl readings (${months1(male.boneAgeMonths)} vs ` +
    `${months1(female.boneAgeMonths)} months); enter the sex for the model's validated reading.`
  );
}

/** Both readings of a sex-reading model, "boy 123.4 · girl 118.2 months"; null for a model without. */
export function bothReadingsText(e: Pick<Estimate, 'bySex'>): string | null {
  if (!e.bySex) return null;
  return `boy ${months1(e.bySex.male.boneAgeMonths)} · girl ${months1(e.bySex.female.boneAgeMonths)} months`;
}
