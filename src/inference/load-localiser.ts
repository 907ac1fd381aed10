import { parseLocaliserCard } from '../../core/localiser/card';
import { TwLocaliser } from '../../core/localiser/localiser-model';
import { fetchJson, loadVerifiedNetwork } from './load-model';
import { ModelLoadError } from './model-index';

/** The `localiser` entry of models/index.json, if the index has one. The key is optional, so an index
 *  without it (older pages, or a deployment without the localiser) still loads the age model as before. */
export function localiserEntry(index: unknown): { name: string; path: string } | null {
  const l = (index as { localiser?: unknown } | null)?.localiser as { name?: unknown; path?: unknown } | undefined;
  if (l === undefined || l === null) return null;
  if (typeof l !== 'object' || typeof l.name !== 'string' || typeof l.path !== 'string') {
    throw new ModelLoadError('The model list (models/index.json) has a "localiser" entry without a name and path.');
  }
  return { name: l.name, path: l.path };
}

/** models/index.json → the TW-region localiser (weights verified like the age model's), or null when none is listed. */
export async function loadLocaliser(pageBase: string): Promise<TwLocaliser | null> {
  const indexUrl = new URL('models/index.json', pageBase);
  const entry = localiserEntry(await fetchJson(indexUrl, 'model list'));
  if (!entry) return null;
  const dir = new URL(entry.path.endsWith('/') ? entry.path : `${entry.path}/`, indexUrl);
  const cardUrl = new URL('model-card.json', dir);
  let card;
  try {
    card = parseLocaliserCard(await fetchJson(cardUrl, 'localiser card'), cardUrl.pathname);
  } catch (error) {
    throw error instanceof ModelLoadError ? error : new ModelLoadError(error instanceof Error ? error.message : String(error));
  }
  return new TwLocaliser(await loadVerifiedNetwork(card, dir, pageBase), card);
}
