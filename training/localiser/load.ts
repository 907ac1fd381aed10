import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocaliserCard } from '../../core/localiser/card';
import { TwLocaliser } from '../../core/localiser/localiser-model';
import { loadModelFolder } from '../io/model-files';

/** A localiser model folder (model.json, shards, model-card.json) → TwLocaliser. */
export async function loadLocaliserFolder(dir: string): Promise<TwLocaliser> {
  const cardPath = join(dir, 'model-card.json');
  const card = parseLocaliserCard(JSON.parse(readFileSync(cardPath, 'utf8')), cardPath);
  return new TwLocaliser(await loadModelFolder(dir), card);
}
