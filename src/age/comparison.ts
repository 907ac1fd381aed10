import type { ChronologicalAge } from './case-age';
import { sdForAge, standardDeviationScore, verdictOf, type Verdict } from './sds';
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
  return { ...base, differenceMonths, sdMonths: sd.sdMonths, sds, verdict: verdictOf(sds), reason: null };
}
