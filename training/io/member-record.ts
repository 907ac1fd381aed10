import type { ModelCard } from '../../core/model/types';

/**
 * What an ensemble's card says of each member (architecture.ensemble[i].training) and how long the
 * ensemble took, from the members' cards. A member split back out of an ensemble (split-ensemble.ts) already
 * holds its full record (`optimizer`, verbatim) and, as durationSeconds, its whole source ensemble's: neither
 * is rebuilt or counted again when such members are combined anew.
 */
export function memberTrainingLine(card: ModelCard): string {
  const t = card.training;
  if (t.splitFrom) return t.optimizer;
  return [`${t.epochs} epochs`, t.optimizer, `augmentation: ${t.augmentation}`, (t as { command?: string }).command].filter(Boolean).join('; ');
}

/** The members' training time, each source ensemble of split-out members counted once. */
export function combinedDurationSeconds(cards: ModelCard[]): number {
  const sources = new Set<string>();
  let total = 0;
  for (const c of cards) {
    const from = c.training.splitFrom;
    if (from) {
      const key = `${from.name} v${from.version}`;
      if (sources.has(key)) continue;
      sources.add(key);
    }
    total += c.training.durationSeconds;
  }
  return total;
}
