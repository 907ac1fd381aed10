import type { ChronologicalAge } from './case-age';
import { signed } from './format';
import { sdForAge, standardDeviationScore, VERDICT_LIMIT_SD, verdictOf, type Verdict } from './sds';
import type { Sex } from './types';

/** Bone age against chronological age: the difference, the SD for age, the SDS and the verdict,
 *  each either a number or the reason there is none. */
export interface AgeComparison {
  boneAgeMonths: number;
  chronological: ChronologicalAge;
  sex: Sex | null;
  /** Bone age − chronological age (months); null without a chronological age. */
  differenceMonths: number | null;
  sdMonths: number | null;
  sds: number | null;
  verdict: Verdict;
  /** Why there is no SD / SDS (null when there is one). */
  reason: string | null;
}

export function compareAges(boneAgeMonths: number, chronological: ChronologicalAge, sex: Sex | null): AgeComparison {
  const base = { boneAgeMonths, chronological, sex };
  if (chronological.months === null) {
    return { ...base, differenceMonths: null, sdMonths: null, sds: null, verdict: 'indeterminate', reason: `no chronological age: ${chronological.reason}` };
  }
  const differenceMonths = boneAgeMonths - chronological.months;
  const sd = sdForAge(sex, chronological.months);
  if (sd.sdMonths === null) return { ...base, differenceMonths, sdMonths: null, sds: null, verdict: 'indeterminate', reason: sd.reason };
  const sds = standardDeviationScore(boneAgeMonths, chronological.months, sd.sdMonths);
  const verdict = verdictOf(sds);
  // An age known only to the year (PatientAge "002Y" is 24-35 months): the verdict must hold at both ends.
  const upTo = chronological.upToMonths;
  if (upTo !== undefined && upTo > chronological.months) {
    const sdUp = sdForAge(sex, upTo).sdMonths;
    const sdsUp = sdUp === null ? null : standardDeviationScore(boneAgeMonths, upTo, sdUp);
    if (verdictOf(sdsUp) !== verdict) {
      const at = (v: number | null, m: number) => `${v === null ? 'none' : signed(v, 2, '-')} at ${m} months`;
      const reason = `the age is known only to ${chronological.months}-${upTo} months, and the SDS (${at(sds, chronological.months)}, ${at(sdsUp, upTo)}) is on both sides of ${VERDICT_LIMIT_SD} SD; enter the birth and study dates`;
      return { ...base, differenceMonths, sdMonths: sd.sdMonths, sds, verdict: 'indeterminate', reason };
    }
  }
  return { ...base, differenceMonths, sdMonths: sd.sdMonths, sds, verdict, reason: null };
}
