import { TTA_SHIFT_SETS } from '../uncertainty/tta-estimate';
import { splitChecks } from './check-kinds';
import type { ModelCard } from './types';

/** How the page reads a radiograph: 'standard' = as the card's output says (one pass for the shipped
 *  model, fast enough for the drop-to-result budget); 'careful' = the card's careful reading (test-time
 *  augmentation, several passes), offered on demand because it is slower and measured as more accurate. */
export type ReadingMode = 'standard' | 'careful';

/** True when the card describes a careful reading with its own validation figures (a reading without
 *  a validated error is not offered). */
export function offersCarefulReading(card: ModelCard): boolean {
  const c = card.careful;
  return !!c && Object.hasOwn(TTA_SHIFT_SETS, c.tta) && !!c.validation && !card.output.tta;
}

/** The mode a request becomes on this card: 'careful' only where the card offers it. */
export function effectiveReading(card: ModelCard, requested: ReadingMode): ReadingMode {
  return requested === 'careful' && offersCarefulReading(card) ? 'careful' : 'standard';
}

/** The card that describes a reading: for 'careful', the card read with the careful TTA and carrying the
 *  careful figures (validation, checks of the weights, interval) in the places the page and evaluate read them, so every
 *  figure shown beside a careful estimate is the careful reading's own. Pure; the card itself for 'standard'. */
export function cardForReading(card: ModelCard, mode: ReadingMode): ModelCard {
  if (effectiveReading(card, mode) === 'standard') return card;
  const { careful, interval: _standardInterval, ...rest } = card;
  const c = careful!;
  return {
    ...rest,
    output: { ...card.output, tta: c.tta },
    validation: c.validation!,
    // The careful reading's own checks; a check of the training recipe does not depend on the reading.
    checks: [...splitChecks(c.checks).weights, ...splitChecks(card.checks).recipe],
    ...(c.interval ? { interval: c.interval } : {}),
  } as ModelCard;
}

/** Passes per case of a reading, e.g. 5 for axis1. */
export function passesOf(card: ModelCard, mode: ReadingMode): number {
  const tta = cardForReading(card, mode).output.tta;
  return tta ? TTA_SHIFT_SETS[tta].length : 1;
}

/** A short name of a reading, for the result line, the report and the CSV: "one pass", "careful reading, 5 passes". */
export function readingName(card: ModelCard, mode: ReadingMode): string {
  const passes = passesOf(card, mode);
  if (effectiveReading(card, mode) === 'careful') return `careful reading, ${passes} passes`;
  return passes === 1 ? 'one pass' : `${passes} passes`;
}
