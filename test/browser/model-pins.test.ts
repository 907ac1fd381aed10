import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserTestMode, DIST, openPage, startHarness, statusOf, type Harness } from './harness';

const mode = browserTestMode();
const MODEL = 'models/bonet-rsna100';

/** Changes the weight check alone cannot see (the card vouches for the shards only): a different output
 *  scale or activation would change every age while the weights still match. */
const TAMPERING: Array<{ what: string; file: string; change: (text: string) => string }> = [
  { what: 'the output scale in the model card', file: `${MODEL}/model-card.json`, change: (t) => t.replace(/"scale":\s*([\d.]+)/, (_, v) => `"scale": ${Number(v) * 1.1}`) },
  { what: 'an activation in model.json', file: `${MODEL}/model.json`, change: (t) => t.replace('"relu"', '"linear"') },
  { what: 'the model list', file: 'models/index.json', change: (t) => t.replace(/\}\s*$/, ', "note": "x"}') },
];

describe.skipIf(mode === 'skip')('model files other than the weights, changed after the build', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it.each(TAMPERING)('$what: the model is refused, naming the file', async ({ file, change }) => {
    const root = mkdtempSync(join(tmpdir(), 'boneage-pins-'));
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    cpSync(DIST, root, { recursive: true });
    const before = readFileSync(join(root, file), 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(join(root, file), after);
    const h: Harness = await startHarness(mode, root);
    cleanup.push(() => h.close());
    const w = await openPage(h, '?backend=cpu', { waitReady: false });
    expect(await statusOf(w.page)).toMatch(/unavailable/i);
    const error = (await w.page.locator('[data-testid="error"]').textContent()) ?? '';
    expect(error).toContain(`The model file ${file.replace('models/', '')} differs from the one this page was built with`);
    console.log(error);
    expect(w.pageErrors).toEqual([]);
    await w.page.context().close();
  });
});
