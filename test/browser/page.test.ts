import { beforeAll, describe, expect, it } from 'vitest';
import { makeHandDicom, makeHandJpeg, makeHandPng } from './fixtures';
import { browserTestMode, displayedBrightness, dropFile, pickFile, readMap, useHarness, usePage, type PageWatch } from './harness';

const mode = browserTestMode();
const SHOTS = process.env.BONEAGE_SCREENSHOTS; // a folder: save screenshots there when set

describe.skipIf(mode === 'skip')('the built page', () => {
  const h = useHarness(mode);
  const w = usePage(h);
  let pngMonths = NaN;
  const watches: PageWatch[] = [];

  beforeAll(async () => {
    watches.push(w);
  });

  it('gets ready and names its model and backend', async () => {
    const { page } = w;
    expect(await page.locator('[data-testid="status"]').textContent()).toMatch(/ready/i);
    expect((await page.locator('[data-testid="backend"]').textContent())?.trim()).toMatch(/^(webgpu|webgl|wasm|cpu)$/);
    expect((await page.locator('[data-testid="model-name"]').textContent())?.trim()).not.toBe('');
    expect(await page.locator('[data-testid="disclaimer"]').textContent()).toContain('Research tool — not for clinical diagnosis');
  });

  it('(a) estimates a dropped PNG and again when picked, with a map overlay', async () => {
    const { page } = w;
    const png = makeHandPng();
    const dropped = await dropFile(page, 'hand.png', png, 'image/png');
    expect(dropped.kind, dropped.text).toBe('result');
    expect(Number.isFinite(dropped.months)).toBe(true);
    expect(dropped.text).toMatch(/^-?−?\d+ y \d+ m \(-?\d+\.\d months\)$/);

    const picked = await pickFile(page, 'hand.png', png, 'image/png');
    expect(picked.kind, picked.text).toBe('result');
    expect(Math.abs(picked.months! - dropped.months!)).toBeLessThan(1e-3);
    pngMonths = picked.months!;

    const map = await readMap(page);
    expect(map.rows).toBeGreaterThanOrEqual(6);
    expect(map.cols).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-testid="age-map"]').isVisible()).toBe(true);
    // The radiograph is drawn, mostly dark background, not washed out.
    const brightness = await displayedBrightness(page);
    expect(brightness).toBeGreaterThan(5);
    expect(brightness).toBeLessThan(110);
    // The overlay has actually been painted over the image.
    const painted = () =>
      page.evaluate(() => {
        const c = document.querySelector('[data-testid="age-map"]') as HTMLCanvasElement;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n / (c.width * c.height);
      });
    expect(await painted()).toBeGreaterThan(0.05);
    // Overlay controls: off hides it, opacity 0 paints nothing, back on at 45 %.
    await page.locator('[data-testid="overlay-toggle"]').uncheck();
    expect(await page.locator('[data-testid="age-map"]').isVisible()).toBe(false);
    await page.locator('[data-testid="overlay-toggle"]').check();
    await page.locator('[data-testid="overlay-opacity"]').fill('0');
    expect(await painted()).toBe(0);
    await page.locator('[data-testid="overlay-opacity"]').fill('45');
    expect(await painted()).toBeGreaterThan(0.05);
    expect((await page.locator('[data-testid="backend"]').textContent())?.trim()).not.toBe('');
    expect((await page.locator('[data-testid="model-name"]').textContent())?.trim()).not.toBe('');
    expect(await page.locator('[data-testid="inference-ms"]').textContent()).toMatch(/\d/);
    const provenance = await page.locator('[data-testid="result-model"]').textContent();
    expect(provenance).toMatch(/validated MAE/);
    console.log(`PNG: ${picked.text} on ${await page.locator('[data-testid="backend"]').textContent()} in ${await page.locator('[data-testid="inference-ms"]').textContent()}; map ${map.rows}×${map.cols}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/png-result.png` });
  });

  it('(b) estimates a 12-bit DICOM of the same hand like the PNG (and a JPEG)', async () => {
    const { page } = w;
    const dicom = await pickFile(page, 'hand.dcm', makeHandDicom());
    expect(dicom.kind, dicom.text).toBe('result');
    const map = await readMap(page);
    expect(map.rows).toBeGreaterThanOrEqual(6);
    expect(map.cols).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-testid="image-info"]').textContent()).toMatch(/DICOM/);
    // Chronological age from PatientBirthDate and StudyDate, in completed months, and the difference.
    expect(await page.locator('[data-testid="chronological-age"]').getAttribute('data-months')).toBe('119');
    expect(await page.locator('[data-testid="age-difference"]').textContent()).toBe(`${dicom.months! >= 119 ? '+' : '−'}${Math.abs(dicom.months! - 119).toFixed(1)} months`);
    // Displayed with its own window (not the previous PNG's, which would wash it out to white).
    const brightness = await displayedBrightness(page);
    expect(brightness).toBeGreaterThan(5);
    expect(brightness).toBeLessThan(110);
    // Pixel values ×16 change nothing after per-image z-scoring.
    expect(Math.abs(dicom.months! - pngMonths)).toBeLessThan(0.5);
    // Also without an extension (DICOM files often have none).
    const bare = await pickFile(page, 'IM000001', makeHandDicom());
    expect(bare.kind, bare.text).toBe('result');
    console.log(`DICOM: ${dicom.text}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dicom-result.png` });
    // And a JPEG of the same hand (lossy, so only roughly the same).
    const jpeg = await pickFile(page, 'hand.jpg', makeHandJpeg(), 'image/jpeg');
    expect(jpeg.kind, jpeg.text).toBe('result');
    expect(await page.locator('[data-testid="image-info"]').textContent()).toMatch(/JPEG/);
    console.log(`JPEG: ${jpeg.text}`);
  });

  it('(d) shows an error for unreadable files, keeps the case, and still reads the next good file', async () => {
    const { page } = w;
    const before = await page.locator('[data-testid="bone-age"]').getAttribute('data-months');
    const png = makeHandPng();
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const bad = [
      { name: 'x.png', bytes: garbage },
      { name: 'empty.png', bytes: new Uint8Array(0) },
      { name: 'truncated.png', bytes: png.subarray(0, Math.floor(png.length / 3)) },
    ];
    for (const f of bad) {
      const outcome = await pickFile(page, f.name, f.bytes);
      expect(outcome.kind, `${f.name}: ${outcome.text}`).toBe('error');
      expect(outcome.text).toContain(f.name);
      expect(outcome.text.length).toBeGreaterThan(f.name.length + 20);
      console.log(`${f.name}: ${outcome.text}`);
      // The previous result is still on screen.
      expect(await page.locator('[data-testid="bone-age"]').getAttribute('data-months')).toBe(before);
      if (SHOTS && f.name === 'x.png') await page.screenshot({ path: `${SHOTS}/error.png` });
    }
    const good = await pickFile(page, 'hand-again.png', png, 'image/png');
    expect(good.kind, good.text).toBe('result');
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
  });

  it('(e) asks nothing of any other origin and throws nothing uncaught', () => {
    for (const watch of watches) {
      expect(watch.foreign, 'requests outside the page origin').toEqual([]);
      expect(watch.requests.length).toBeGreaterThan(0);
      for (const url of watch.requests) expect(url.startsWith(h.server.origin) || /^(data|blob):/.test(url), url).toBe(true);
      expect(watch.pageErrors, 'uncaught exceptions').toEqual([]);
    }
    // The model and the wasm binaries came from the app itself.
    expect(h.server.served).toContain('/models/index.json');
  });
});
