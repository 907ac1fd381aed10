import { rmSync } from 'node:fs';
import { pageCopyWithModel } from '../helpers/untrained-model';
import { DIST, openPage, startHarness, type Harness, type PageWatch } from './harness';

/** The built page served with a test model as its default, opened and ready. */
export interface ModelPage {
  h: Harness;
  w: PageWatch;
  /** The page copy's folder (removed by closeModelPage). */
  root: string;
}

/** Serves a copy of the built page whose default model folder (`models/<modelPath>`) holds `modelDir`'s
 *  files (pageCopyWithModel), and opens it with `query`. */
export async function openModelPage(mode: 'run' | 'skip' | 'fail', modelPath: string, modelDir: string, query = '?backend=cpu'): Promise<ModelPage> {
  const root = pageCopyWithModel(DIST, modelPath, modelDir);
  const h = await startHarness(mode, root);
  return { h, root, w: await openPage(h, query) };
}

/** Closes the page and the server, and removes the page copy and the given folders (e.g. the model's). */
export async function closeModelPage(p: Partial<ModelPage> | undefined, ...dirs: Array<string | undefined>): Promise<void> {
  await p?.w?.page.context().close();
  await p?.h?.close();
  for (const dir of [p?.root, ...dirs]) if (dir) rmSync(dir, { recursive: true, force: true });
}
