import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandPng } from './fixtures';
import { browserTestMode, DIST, dropFile, openPage, startHarness, useHarness, usePage, type Harness } from './harness';

const mode = browserTestMode();
const SHOTS = process.env.BONEAGE_SCREENSHOTS; // a folder: save a screenshot there when set
/** A real radiograph for the screenshot only (never committed); the assertions use the generated hand. */
const REAL = process.env.BONEAGE_TW_SCREENSHOT_IMAGE;

describe.skipIf(mode === 'skip')('TW regions on the page', () => {
  const h = useHarness(mode);
  const w = usePage(h);

  const boxes = (label?: string) => w.page.locator(label ? `[data-testid="tw-box"][data-label="${label}"]` : '[data-testid="tw-box"]');

  it('draws the 17 located boxes with their names over a dropped hand, aligned with the image', async () => {
    const { page } = w;
    const outcome = await dropFile(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    await page.waitForSelector('[data-testid="tw-box"]', { timeout: 60_000 });
    expect(await boxes().count()).toBe(17);
    const names = await boxes().evaluateAll((gs) => gs.map((g) => g.getAttribute('data-name')));
    expect(names).toEqual(['DIP2', 'DIP3', 'DIP4', 'DIP5', 'PIP1', 'PIP2', 'PIP3', 'PIP4', 'PIP5', 'MCP1', 'MCP2', 'MCP3', 'MCP4', 'MCP5', 'Radius', 'Ulna', 'Wrist']);
    expect(await page.locator('[data-testid="tw-box"] text').allTextContents()).toEqual(names);
    for (const label of ['DIP', 'PIP', 'MCP', 'Radius', 'Ulna', 'Wrist']) expect(await boxes(label).count()).toBeGreaterThan(0);
    // Every box lies on the displayed image: inside the cornerstone canvas, with a visible size.
    const geometry = await page.evaluate(() => {
      const canvas = document.querySelector('.cornerstone-element canvas')!.getBoundingClientRect();
      const rects = [...document.querySelectorAll('[data-testid="tw-box"] rect')].map((r) => r.getBoundingClientRect());
      return { canvas: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom }, rects: rects.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height })) };
    });
    for (const r of geometry.rects) {
      expect(r.left).toBeGreaterThanOrEqual(geometry.canvas.left - 1);
      expect(r.right).toBeLessThanOrEqual(geometry.canvas.right + 1);
      expect(r.top).toBeGreaterThanOrEqual(geometry.canvas.top - 1);
      expect(r.bottom).toBeLessThanOrEqual(geometry.canvas.bottom + 1);
      expect(r.w).toBeGreaterThan(2);
      expect(r.h).toBeGreaterThan(2);
    }
    expect(await page.locator('[data-testid="tw-table"] tbody tr').count()).toBe(14);
    expect(await page.locator('[data-testid="tw-provenance"]').textContent()).toMatch(/held-out hands/);
  });

  it('hides and shows each label with its checkbox', async () => {
    const { page } = w;
    await page.locator('[data-testid="tw-toggle-DIP"]').uncheck();
    await expect.poll(() => boxes('DIP').count()).toBe(0); // the overlay redraws on the next render, not at the click
    await expect.poll(() => boxes().count()).toBe(13);
    await page.locator('[data-testid="tw-toggle-Wrist"]').uncheck();
    await expect.poll(() => boxes('Wrist').count()).toBe(0);
    await expect.poll(() => boxes().count()).toBe(12);
    await page.locator('[data-testid="tw-toggle-DIP"]').check();
    await page.locator('[data-testid="tw-toggle-Wrist"]').check();
    await expect.poll(() => boxes().count()).toBe(17);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });

  it.skipIf(!SHOTS || !REAL)('screenshot on a real radiograph (only with BONEAGE_SCREENSHOTS and BONEAGE_TW_SCREENSHOT_IMAGE)', async () => {
    const { page } = w;
    const outcome = await dropFile(page, 'real.png', new Uint8Array(readFileSync(REAL!)), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tw-box"]').length === 17, undefined, { timeout: 60_000 });
    await page.locator('[data-testid="overlay-toggle"]').uncheck();
    await page.screenshot({ path: `${SHOTS}/tw-regions.png` });
  });
});

describe.skipIf(mode === 'skip')('a tampered localiser', () => {
  let h: Harness;
  let copy: string;

  beforeAll(async () => {
    // A copy of the built page with one byte of the localiser's first shard flipped; dist/ itself is untouched.
    copy = mkdtempSync(join(tmpdir(), 'boneage-tw-tampered-'));
    cpSync(DIST, copy, { recursive: true });
    const index = JSON.parse(readFileSync(join(copy, 'models/index.json'), 'utf8'));
    const dir = join(copy, 'models', index.localiser.path);
    const card = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8'));
    const file = join(dir, card.weights[0].path);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);
    h = await startHarness(mode, copy);
  });

  afterAll(async () => {
    await h?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('is refused with a message in its panel; the age estimate still works', async () => {
    const w = await openPage(h);
    const outcome = await dropFile(w.page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    const error = w.page.locator('[data-testid="tw-error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/localiser could not be loaded: Model "tw-localiser" failed its integrity check/);
    expect(await w.page.locator('[data-testid="tw-box"]').count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
  });
});
