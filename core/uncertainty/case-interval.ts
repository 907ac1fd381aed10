import type { Estimate, ModelCard } from '../model/types';
import { calibrationFor, intervalOf, mapSpread, type AgeInterval } from './interval';

/** A case's calibrated interval, or why it has none (said to the reader instead of a range). */
export type CaseInterval =
  | (AgeInterval & { kind: 'interval'; /** Read without the child's sex (the wider calibration). */ withoutSex: boolean })
  | { kind: 'none'; reason: string };

/**
 * The interval the card's calibration gives one estimate: the one place the page, the report text,
 * the print view and the CSV get it from, so they cannot disagree.
 */
export function caseInterval(estimate: Estimate & { ttaSpread?: number }, card: ModelCard | null): CaseInterval {
  if (!card?.interval || !Number.isFinite(card.interval.q)) return { kind: 'none', reason: 'No calibrated interval for this model.' };
  // A reading without the sex errs more than one with it: it has its own calibration, or none.
  const cal = calibrationFor(card.interval, estimate.sexUsed);
  if (!cal) return { kind: 'none', reason: "No interval calibrated for a reading without the child's sex: enter the sex." };
  const spread = cal.method === 'map-spread' ? mapSpread(estimate.map) : cal.method === 'tta' ? (estimate.ttaSpread ?? NaN) : 0;
  if (!Number.isFinite(spread)) return { kind: 'none', reason: 'Interval not computed for this estimate.' };
  // A calibration on too few cases has an infinite quantile; a malformed one throws: no interval, the rest of the report stands.
  let iv: AgeInterval;
  try {
    iv = intervalOf(estimate.boneAgeMonths, spread, cal);
  } catch {
    return { kind: 'none', reason: "The model card's interval calibration is malformed." };
  }
  if (!Number.isFinite(iv.lo) || !Number.isFinite(iv.hi)) return { kind: 'none', reason: 'No finite interval: the calibration had too few cases.' };
  return { kind: 'interval', ...iv, withoutSex: estimate.sexUsed === 'average' };
}
