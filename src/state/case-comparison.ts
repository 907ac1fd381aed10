import { chronologicalAgeOf, type ChronologicalAge } from '../age/case-age';
import { compareAges, type AgeComparison } from '../age/comparison';
import { reportText } from '../age/report-text';
import type { OpenCase } from './store';

export interface CaseReading {
  chronological: ChronologicalAge;
  /** Null until the model has given a bone age. */
  comparison: AgeComparison | null;
  /** Null until there is a comparison. */
  text: string | null;
}

/** Everything the comparison, chart and report show for a case, derived (never stored) from its
 *  patient data and its estimate, so an edit shows everywhere at once. */
export function readingOf(c: Pick<OpenCase, 'patient' | 'result'>, cautions: readonly string[] = []): CaseReading {
  const chronological = chronologicalAgeOf(c.patient);
  if (!c.result) return { chronological, comparison: null, text: null };
  const comparison = compareAges(c.result.estimate.boneAgeMonths, chronological, c.patient.sex?.value ?? null);
  const text = reportText(comparison, {
    name: c.result.modelName,
    version: c.result.modelVersion,
    maeMonths: c.result.maeMonths,
    maeN: c.result.maeN,
    readingName: c.result.readingName,
  }, cautions);
  return { chronological, comparison, text };
}
