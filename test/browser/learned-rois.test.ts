import { describe, expect, it } from 'vitest';
import { syntheticHand } from '../helpers/synthetic-hands';
import { browserTestMode, dropFile, openPage, useHarness, usePage } from './harness';

const mode = browserTestMode();
const SHOT = process.env.BONEAGE_SCREENSHOTS ? `${process.env.BONEAGE_SCREENSHOTS}/learned-rois.png` : '/tmp/learned-rois.png';

describe.skipIf(mode === 'skip')('learned ROIs on the page', () => {
  const h = useHarness(mode);
  const w = usePage(h);
  let wasmMaps: number[] = [];
  let wasmBoxes: number[][] = [];

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
    // Boxes in the original image's frame (400×500), around their peaks, smaller than the image.
    const geometry = await rows.evaluateAll((els) => els.map((e) => ({ box: e.getAttribute('data-box')!.split(',').map(Number), peak: e.getAttribute('data-peak')!.split(',').map(Number) })));
    for (const { box: [x0, y0, x1, y1], peak: [px, py] } of geometry) {
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(400);
      expect(y1).toBeLessThanOrEqual(500);
      expect((x1 - x0) * (y1 - y0)).toBeLessThan(0.5 * 400 * 500);
      expect(px).toBeGreaterThanOrEqual(x0);
      expect(px).toBeLessThanOrEqual(x1);
      expect(py).toBeGreaterThanOrEqual(y0);
      expect(py).toBeLessThanOrEqual(y1);
    }
    // Once the TW-region localiser has run on this case, each projection is assigned a located region (or 'none').
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="roi-legend-row"]')].every((e) => e.getAttribute('data-region')), undefined, { timeout: 60_000 });
    const regions = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-region')!));
    for (const r of regions) expect(r).toMatch(/^(DIP[2-5]|PIP[1-5]|MCP[1-5]|Radius|Ulna|Wrist|none)$/);
    console.log(`Learned ROIs (conv3) fall in: ${regions.join(', ')}`);
    wasmMaps = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-map'))));
    wasmBoxes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-box')!.split(',').map(Number)));
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
    await page.locator('[data-testid="roi-legend"]').scrollIntoViewIfNeeded();
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
  it.each(['webgl', 'webgpu'])('gives the same top maps on the %s backend', async (requested) => {
    const g = await openPage(h, `?backend=${requested}`);
    try {
      const backend = (await g.page.locator('[data-testid="backend"]').textContent())?.trim();
      if (backend !== requested) {
        console.warn(`${requested} unavailable here (page chose ${backend}); cross-backend check skipped`);
        return;
      }
      const outcome = await dropFile(g.page, 'hand.png', syntheticHand(400, 500, 0.6, 3), 'image/png');
      expect(outcome.kind, outcome.text).toBe('result');
      await g.page.locator('[data-testid="roi-layer"]').selectOption('conv3');
      await g.page.locator('[data-testid="roi-k"]').fill('6');
      await g.page.locator('[data-testid="roi-run"]').click();
      await g.page.locator('[data-testid="roi-legend"]').waitFor({ timeout: 120_000 });
      const maps = await g.page.locator('[data-testid="roi-legend-row"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-map'))));
      // Near-tied activations may swap places between backends; most of the set must agree.
      const common = maps.filter((m) => wasmMaps.includes(m)).length;
      console.log(`${requested} conv3 maps ${maps.join(',')} vs wasm ${wasmMaps.join(',')}: ${common} in common`);
      expect(common).toBeGreaterThanOrEqual(Math.min(maps.length, wasmMaps.length) - 2);
      // The same map's projection lands in the same place (within one input pixel: 4 × 5 image pixels).
      const boxes = await g.page.locator('[data-testid="roi-legend-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-box')!.split(',').map(Number)));
      maps.forEach((m, i) => {
        const j = wasmMaps.indexOf(m);
        if (j < 0) return;
        boxes[i].forEach((v, c) => expect(Math.abs(v - wasmBoxes[j][c])).toBeLessThanOrEqual(5));
      });
      expect(g.pageErrors).toEqual([]);
    } finally {
      await g.page.context().close();
    }
  });
});
