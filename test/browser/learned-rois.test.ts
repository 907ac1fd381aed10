import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHand } from '../helpers/synthetic-hands';
import { browserTestMode, dropFile, openPage, startHarness, type Harness, type PageWatch } from './harness';

const mode = browserTestMode();
const SHOT = process.env.BONEAGE_SCREENSHOTS ? `${process.env.BONEAGE_SCREENSHOTS}/learned-rois.png` : '/tmp/learned-rois.png';

describe.skipIf(mode === 'skip')('learned ROIs on the page', () => {
  let h: Harness;
  let w: PageWatch;

  beforeAll(async () => {
    h = await startHarness(mode);
    w = await openPage(h);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Share of the ROI canvas's pixels with any paint on them. */
  const painted = () =>
    w.page.evaluate(() => {
      const c = document.querySelector('[data-testid="learned-roi-canvas"]') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n / (c.width * c.height);
    });

  it('projects the chosen layer on demand: overlays, boxes and a legend per map', async () => {
    const { page } = w;
    const outcome = await dropFile(page, 'hand.png', syntheticHand(400, 500, 0.6, 3), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    // On demand only: nothing is projected with the estimate.
    expect(await page.locator('[data-testid="roi-legend"]').count()).toBe(0);
    expect(await page.locator('[data-testid="learned-roi-canvas"]').getAttribute('data-count')).toBe('0');

    // The cells that pull the estimate most, strongest first.
    const pulls = await page.locator('[data-testid="pulling-cell"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-pull'))));
    expect(pulls).toHaveLength(5);
    for (let i = 1; i < pulls.length; i++) expect(Math.abs(pulls[i])).toBeLessThanOrEqual(Math.abs(pulls[i - 1]) + 1e-9);

    await page.locator('[data-testid="roi-layer"]').selectOption('conv3');
    await page.locator('[data-testid="roi-k"]').fill('6');
    await page.locator('[data-testid="roi-run"]').click();
    await page.locator('[data-testid="roi-legend"]').waitFor({ timeout: 60_000 });
    const rows = page.locator('[data-testid="roi-legend-row"]');
    const n = await rows.count();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(6);
    const texts = await rows.allTextContents();
    for (const t of texts) expect(t).toMatch(/layer conv3, map \d+/);
    // Each projection its own colour.
    const swatches = await page.locator('.roi-swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(swatches).size).toBe(n);
    const canvas = page.locator('[data-testid="learned-roi-canvas"]');
    expect(await canvas.getAttribute('data-count')).toBe(String(n));
    expect(await canvas.isVisible()).toBe(true);
    const share = await painted();
    expect(share).toBeGreaterThan(0.001);
    // The estimate is untouched by the projection.
    expect(Number(await page.locator('[data-testid="bone-age"]').getAttribute('data-months'))).toBe(outcome.months);
    console.log(`learned ROIs conv3: ${n} projections, ${(share * 100).toFixed(1)} % of the view painted; ${await page.locator('[data-testid="roi-timing"]').textContent()}`);
    console.log(texts.join(' | '));
    // The age map off for the picture, so the projections are seen on the radiograph itself.
    await page.locator('[data-testid="overlay-toggle"]').uncheck();
    await page.screenshot({ path: SHOT });
    await page.locator('[data-testid="overlay-toggle"]').check();

    // Hide, show, another layer.
    await page.locator('[data-testid="roi-toggle"]').uncheck();
    expect(await canvas.isVisible()).toBe(false);
    await page.locator('[data-testid="roi-toggle"]').check();
    await page.locator('[data-testid="roi-layer"]').selectOption('conv1');
    await page.locator('[data-testid="roi-run"]').click();
    await page.waitForFunction(() => /layer conv1, map/.test(document.querySelector('[data-testid="roi-legend"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    expect(await painted()).toBeGreaterThan(0.0005);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });

  it('drops the ROIs of the previous image when another is opened', async () => {
    const { page } = w;
    const outcome = await dropFile(page, 'hand2.png', syntheticHand(300, 300, 0.3, 9), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(await page.locator('[data-testid="roi-legend"]').count()).toBe(0);
    expect(await page.locator('[data-testid="learned-roi-canvas"]').getAttribute('data-count')).toBe('0');
  });
});
