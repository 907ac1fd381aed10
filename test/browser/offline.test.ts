import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFileFast } from './drop';
import { makeHandPng } from './fixtures';
import { browserTestMode, DIST, openPage, startHarness, waitForModel, type Harness } from './harness';

const mode = browserTestMode();

/** Waits until the service worker has installed (app and models cached) and controls the page. */
async function waitForServiceWorker(page: Page): Promise<string[]> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000, polling: 200 });
  return page.evaluate(() => caches.keys());
}

const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls.sort();
  });

/** A copy of the built page that a test may change (a "new deploy"); dist/ stays untouched. */
function copyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'boneage-offline-'));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

describe.skipIf(mode === 'skip')('offline: the second visit works with the network off', () => {
  const dirs: string[] = [];
  const harnesses: Harness[] = [];

  beforeAll(() => {
    readFileSync(join(DIST, 'sw.js')); // the build must have produced the service worker
  });

  afterAll(async () => {
    for (const h of harnesses) await h.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A fresh copy of the build, changed first by `prepare` if given, served by its own harness (both cleaned up after). */
  async function serveCopy(prepare?: (root: string) => void): Promise<{ root: string; h: Harness }> {
    const root = copyOfDist();
    dirs.push(root);
    prepare?.(root);
    const h = await startHarness(mode, root);
    harnesses.push(h);
    return { root, h };
  }

  it('caches the app and the model on the first visit; offline, the page loads, the model loads and a case is estimated', async () => {
    const { root, h } = await serveCopy();
    const w = await openPage(h, '?backend=wasm');
    const { page } = w;
    const cacheNames = await waitForServiceWorker(page);
    expect(cacheNames).toHaveLength(1);
    expect(cacheNames[0]).toMatch(/^boneage-[0-9a-f]{16}$/);
    const urls = await cachedUrls(page);
    // Every weight shard the shipped card lists (their number depends on the model's size).
    const shipped = JSON.parse(readFileSync(join(root, 'models/bonet-rsna100/model-card.json'), 'utf8')) as { weights: Array<{ path: string }> };
    const shards = shipped.weights.map((w) => `/models/bonet-rsna100/${w.path}`);
    expect(shards.length).toBeGreaterThan(0);
    for (const want of ['/index.html', '/models/index.json', '/models/bonet-rsna100/model-card.json', '/models/bonet-rsna100/model.json', ...shards]) {
      expect(urls).toContain(want);
    }
    // tfjs-wasm (plain and SIMD) and the three DICOM codecs (JPEG, JPEG-LS, JPEG 2000): a compressed DICOM opens offline too.
    expect(urls.filter((u) => u.endsWith('.wasm'))).toHaveLength(5);
    console.log(`Cached (${cacheNames[0]}): ${urls.join(', ')}`);

    // Network off, and the server gone too: whatever loads now can only come from the cache.
    await page.context().setOffline(true);
    await h.server.close();
    const served = h.server.served.length;
    await page.reload();
    await waitForModel(page);
    const outcome = await dropFileFast(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    console.log(`Offline: ${await page.locator('[data-testid="status"]').textContent()}; estimate ${outcome.text}`);
    // The network really is off: anything not cached fails.
    expect(await page.evaluate(() => fetch(`./models/index.json?nocache=${Math.random()}`).then(() => 'fetched', () => 'failed'))).toBe('failed');
    expect(h.server.served.length).toBe(served);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.context().close();
  });

  it('does not cache a model whose weights fail their SHA-256 (the worker is not installed; the page refuses the model as before)', async () => {
    const { h } = await serveCopy((root) => {
      const card = JSON.parse(readFileSync(join(root, 'models/bonet-rsna100/model-card.json'), 'utf8')) as { weights: Array<{ path: string }> };
      const shard = join(root, 'models/bonet-rsna100', card.weights[0].path);
      const bytes = readFileSync(shard);
      bytes[100] ^= 0x80;
      writeFileSync(shard, bytes);
    });
    const w = await openPage(h, '?backend=cpu', { waitReady: false });
    const { page } = w;
    // The install ran (sw.js and the shard were fetched by it) and failed: no cache, no worker in charge.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && h.server.served.filter((p) => p.endsWith('.bin')).length < 2) await page.waitForTimeout(250);
    await page.waitForTimeout(1000);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { active: reg?.active?.state ?? null, controlled: navigator.serviceWorker.controller !== null, caches: await caches.keys() };
    });
    expect(h.server.served).toContain('/sw.js');
    expect(h.server.served.filter((p) => p.endsWith('.bin')).length, 'the page and the worker both fetched the shard').toBeGreaterThanOrEqual(2);
    expect(state).toEqual({ active: null, controlled: false, caches: [] });
    expect(await page.locator('[data-testid="error"]').textContent()).toMatch(/failed its integrity check/);
    await page.context().close();
  });

  it('never lets a model file changed on the server replace the good offline copy', async () => {
    const { root, h } = await serveCopy();
    const w = await openPage(h, '?backend=cpu');
    const { page } = w;
    await waitForServiceWorker(page);
    const cardPath = join(root, 'models/bonet-rsna100/model-card.json');
    const good = readFileSync(cardPath, 'utf8');
    writeFileSync(cardPath, good.replace(/"scale":\s*([\d.]+)/, (_, v) => `"scale": ${Number(v) * 2}`));
    // Online: the changed card comes from the network, and the page refuses it ...
    await page.reload();
    await page.waitForFunction(() => /unavailable/i.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    expect(await page.locator('[data-testid="error"]').textContent()).toMatch(/model-card\.json differs from the one this page was built with/);
    // ... and the cache still holds the card of this build.
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.match(new URL('models/bonet-rsna100/model-card.json', document.baseURI).href))?.text();
    });
    expect(cached).toBe(good);
    // Offline, the page runs on its good copy.
    await page.context().setOffline(true);
    await page.reload();
    await waitForModel(page);
    const outcome = await dropFileFast(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('picks up a new deploy: the online reload gets the new page, the new worker replaces the old cache, and offline serves the new version', async () => {
    const { root, h } = await serveCopy();
    const w = await openPage(h, '?backend=wasm');
    const { page } = w;
    const [oldCache] = await waitForServiceWorker(page);

    // "Deploy" a new build: a changed page, and the sw.js the build writes for it (a new version).
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    const oldVersion = /const VERSION = "([0-9a-f]{16})"/.exec(sw)![1];
    const newVersion = 'feedfacecafe0002';
    writeFileSync(join(root, 'sw.js'), sw.replace(`"${oldVersion}"`, `"${newVersion}"`));
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    writeFileSync(join(root, 'index.html'), html.replace('<title>', '<meta name="deploy" content="2" />\n    <title>'));

    // Online reload: the page comes from the network (network-first), so the new deploy shows at once.
    await page.reload();
    await waitForModel(page);
    expect(await page.locator('meta[name="deploy"]').count()).toBe(1);
    // The browser re-checks sw.js on navigation; the new worker installs, takes over and drops the old cache.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const names = await page.evaluate(() => caches.keys());
      if (names.length === 1 && names[0] === `boneage-${newVersion}`) break;
      await page.waitForTimeout(250);
    }
    expect(await page.evaluate(() => caches.keys())).toEqual([`boneage-${newVersion}`]);
    expect(oldCache).toBe(`boneage-${oldVersion}`);

    await page.context().setOffline(true);
    await page.reload();
    await waitForModel(page);
    expect(await page.locator('meta[name="deploy"]').count()).toBe(1);
    const outcome = await dropFileFast(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  });
});
