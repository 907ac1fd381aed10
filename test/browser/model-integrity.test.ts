import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandPng } from './fixtures';
import { browserTestMode, DIST, dropFile, openPage, startHarness, statusOf, type Harness } from './harness';

const mode = browserTestMode();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(mode === 'skip')('when a model weight file has been altered', () => {
  let h: Harness;
  let copy: string;
  let modelName: string;
  let shardPath: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'models/index.json'))) throw new Error(`The built page is missing (${DIST}). Run \`npx vite build\` first.`);
    // A copy of the built page with one byte of the default model's first shard flipped; dist/ itself is untouched.
    copy = mkdtempSync(join(tmpdir(), 'boneage-tampered-'));
    cpSync(DIST, copy, { recursive: true });
    const index = JSON.parse(readFileSync(join(copy, 'models/index.json'), 'utf8')) as { default: string; models: Array<{ name: string; path: string }> };
    const entry = index.models.find((m) => m.name === index.default)!;
    const card = JSON.parse(readFileSync(join(copy, 'models', entry.path, 'model-card.json'), 'utf8')) as { name: string; weights: Array<{ path: string; bytes: number }> };
    modelName = card.name;
    shardPath = card.weights[0].path;
    const file = join(copy, 'models', entry.path, shardPath);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01; // same size, different content
    writeFileSync(file, bytes);
    h = await startHarness(mode, copy);
  });

  afterAll(async () => {
    await h?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('refuses the model with an integrity error naming the file, still shows images, and throws nothing uncaught', async () => {
    const w = await openPage(h, '?backend=cpu', { waitReady: false });
    expect(await statusOf(w.page)).toMatch(/unavailable/i);
    expect(await w.page.locator('[data-testid="status"]').getAttribute('class')).toMatch(/status-failed/);
    const banner = w.page.locator('[data-testid="error"]');
    expect(await banner.getAttribute('data-kind')).toBe('model');
    const error = (await banner.textContent()) ?? '';
    expect(error).toBe(
      `The model could not be loaded: Model "${modelName}" failed its integrity check: ${shardPath} does not match the SHA-256 in its model card (the file may be corrupted or tampered with). The model was not loaded.`,
    );
    expect(error).toMatch(new RegExp(`integrity check.*${escape(shardPath)}`));
    console.log(`Tampered shard: ${error}`);

    const outcome = await dropFile(w.page, 'hand.png', makeHandPng(), 'image/png');
    await w.page.locator('[data-testid="image-info"]').waitFor();
    expect(await w.page.locator('[data-testid="image-info"]').textContent()).toMatch(/PNG/i);
    expect(await w.page.locator('[data-testid="bone-age"]').count()).toBe(0);
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toMatch(/integrity check/i);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.page.context().close();
  });

  it('refuses to load at all on an insecure origin, where the weights cannot be checked', async () => {
    // The same files, but the page's address is a plain-http host name (not localhost): no crypto.subtle there.
    const context = await h.browser.newContext();
    const insecure = 'http://boneage.test';
    const pageErrors: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== insecure) return route.abort('blockedbyclient');
      const response = await route.fetch({ url: `${h.server.origin}${url.pathname}${url.search}` });
      return route.fulfill({ response });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    await page.goto(`${insecure}/?backend=cpu`);
    expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
    expect(await statusOf(page)).toMatch(/unavailable/i);
    const error = (await page.locator('[data-testid="error"]').textContent()) ?? '';
    expect(error).toMatch(new RegExp(`Model "${escape(modelName)}" cannot be checked for integrity on an insecure origin \\(http://boneage\\.test\\).*https or from localhost`));
    console.log(`Insecure origin: ${error}`);
    expect(pageErrors).toEqual([]);
    // The page may still be fetching (QC model, lazy chunks) when the test ends: drop those routes quietly.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
