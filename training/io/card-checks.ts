import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelCard, ModelCheck } from '../../core/model/types';

/** Adds a check to a model folder's card (`checks`, which the page lists), replacing one of the same
 *  name; returns the card's path. */
export function recordCheck(modelDir: string, check: ModelCheck): string {
  const path = join(modelDir, 'model-card.json');
  const card = JSON.parse(readFileSync(path, 'utf8')) as ModelCard;
  card.checks = [...(card.checks ?? []).filter((c) => c.name !== check.name), check];
  writeFileSync(path, JSON.stringify(card, null, 2) + '\n');
  return path;
}
