import type { ModelCard } from '../../core/model/types';
import { caseInterval, type CaseInterval } from '../../core/uncertainty/case-interval';
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
  /** The estimate's calibrated interval; null until there is an estimate, or when no card was given. */
  interval: CaseInterval | null;
}

/** Everything the comparison, chart and report show for a case, derived (never stored) from its
 *  patient data and its estimate, so an edit shows everywhere at once. `card`: the card of the reading
 *  that made the estimate (src/state/reading-card.ts), for its interval; none given, none said. */
export function readingOf(c: Pick<OpenCase, 'patient' | 'result'>, cautions: readonly string[] = [], card?: ModelCard | null): CaseReading {
  const chronological = chronologicalAgeOf(c.patient);
  if (!c.result) return { chronological, comparison: null, text: null, interval: null };
  const interval = card !== undefined ? caseInterval(c.result.estimate, card) : null;
  const comparison = compareAges(c.result.estimate.boneAgeMonths, chronological, c.patient.sex?.value ?? null);
  const text = reportText(comparison, {
    name: c.result.modelName,
    version: c.result.modelVersion,
    maeMonths: c.result.maeMonths,
    maeN: c.result.maeN,
    readingName: c.result.readingName,
    ...(interval ? { interval } : {}),
  }, cautions);
  return { chronological, comparison, text, interval };
}
