import { GREULICH_PYLE_SD, type SdRow } from './greulich-pyle-sd';
import type { Sex } from './types';

export type SdForAge = { sdMonths: number } | { sdMonths: null; reason: string };

/** The Greulich–Pyle/Brush SD of skeletal age for a child of this sex and chronological age,
 *  interpolated linearly between tabulated ages; none outside the tabulated range. */
export function sdForAge(sex: Sex | null, chronologicalMonths: number, table: Readonly<Record<Sex, readonly SdRow[]>> = GREULICH_PYLE_SD): SdForAge {
  if (!sex) return { sdMonths: null, reason: "the SD for age depends on the child's sex, which is not known" };
  if (!Number.isFinite(chronologicalMonths)) return { sdMonths: null, reason: 'the chronological age is not known' };
  const rows = table[sex];
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (chronologicalMonths < first.ageMonths || chronologicalMonths > last.ageMonths) {
    return {
      sdMonths: null,
      reason: `the Greulich-Pyle standard deviations for ${sex === 'M' ? 'boys' : 'girls'} cover ${first.ageMonths}-${last.ageMonths} months of age; ${chronologicalMonths} months is outside them`,
    };
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (chronologicalMonths <= b.ageMonths) {
      const t = (chronologicalMonths - a.ageMonths) / (b.ageMonths - a.ageMonths);
      return { sdMonths: a.sdMonths + t * (b.sdMonths - a.sdMonths) };
    }
  }
  return { sdMonths: last.sdMonths }; // unreachable: chronologicalMonths === last.ageMonths is caught above
}

/** Standard deviation score: how many SDs for age the bone age lies from the chronological age. */
export function standardDeviationScore(boneAgeMonths: number, chronologicalMonths: number, sdMonths: number): number {
  if (!(sdMonths > 0)) throw new RangeError('The SD must be positive.');
  return (boneAgeMonths - chronologicalMonths) / sdMonths;
}

/** ACR common data element (RDES14, pediatric bone age) "bone age determination": delayed / normal /
 *  advanced, at ±2 SD; indeterminate when no SDS can be computed. Exactly ±2 SD counts as normal. */
export type Verdict = 'delayed' | 'within normal limits' | 'advanced' | 'indeterminate';

export const VERDICT_LIMIT_SD = 2;

export function verdictOf(sds: number | null): Verdict {
  if (sds === null || !Number.isFinite(sds)) return 'indeterminate';
  // Judged on the SDS as the page, report and CSV show it (two decimals), so "+2.00" never reads "advanced".
  const shown = Math.round(sds * 100) / 100;
  if (shown < -VERDICT_LIMIT_SD) return 'delayed';
  if (shown > VERDICT_LIMIT_SD) return 'advanced';
  return 'within normal limits';
}
