import type { ModelCheck } from './types';

/** A card's checks split by what they measured: its own weights (read the way the card reads) or the
 *  training recipe (other networks trained the same way, e.g. a k-fold cross-validation). The page shows
 *  them apart, and only the first kind changes with the reading. */
export function splitChecks(checks: readonly ModelCheck[] | undefined): { weights: ModelCheck[]; recipe: ModelCheck[] } {
  const all = checks ?? [];
  return { weights: all.filter((c) => c.describes !== 'recipe'), recipe: all.filter((c) => c.describes === 'recipe') };
}
