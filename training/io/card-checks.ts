import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadingMode } from '../../core/model/reading-mode';
import type { ModelCard, ModelCheck } from '../../core/model/types';

/** Adds a check to a model folder's card (`checks`, which the page lists; with 'careful', the careful
 *  reading's, which must exist), replacing one of the same name; returns the card's path. A check of the
 *  recipe goes with the card's own checks only: every reading shows it (core/model/reading-mode.ts). */
export function recordCheck(modelDir: string, check: ModelCheck, reading: ReadingMode = 'standard'): string {
  const path = join(modelDir, 'model-card.json');
  if (check.describes === 'recipe' && reading === 'careful') throw new Error(`"${check.name}" describes the training recipe, not a reading of ${path}: record it without the careful reading.`);
  const card = JSON.parse(readFileSync(path, 'utf8')) as ModelCard;
  const holder = reading === 'careful' ? card.careful : card;
  if (!holder) throw new Error(`${path} has no careful reading to add the check "${check.name}" to.`);
  holder.checks = [...(holder.checks ?? []).filter((c) => c.name !== check.name), check];
  writeFileSync(path, JSON.stringify(card, null, 2) + '\n');
  return path;
}
