import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dropFiles, dropStashed, measureMemory, stashBytes, waitForWorklist } from './drop-files';
import { makeHandDicom, makeHandJpeg, makeHandPng } from './fixtures';
import { waitForSideModels } from './side-models';
import { browserTestMode, openPage, pickFile, useHarness, type PageWatch } from './harness';
import { parseCsv } from '../helpers/parse-csv';

const mode = browserTestMode();
const SHOTS = process.env.BONEAGE_SCREENSHOTS; // a folder: save screenshots there when set

interface Row {
  seq: number;
  status: string;
  file: string;
  months: string;
  text: string;
}

async function rows(w: PageWatch): Promise<Row[]> {
  return w.page.$$eval('[data-testid="worklist-row"]', (trs) =>
    trs.map((tr) => ({
      seq: Number(tr.getAttribute('data-seq')),
      status: tr.getAttribute('data-status') ?? '',
      file: tr.querySelector('.wl-name')?.textContent ?? '',
      months: tr.querySelector('[data-months]')?.getAttribute('data-months') ?? '',
      text: tr.textContent ?? '',
    })),
  );
}

describe.skipIf(mode === 'skip')('the worklist', () => {
  const h = useHarness(mode);

  it('queues several dropped files; a broken one fails only its row; rows show cases; CSV export', async () => {
    const w = await openPage(h);
    const { page } = w;
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await dropFiles(page, [
      { name: 'first, "hand".png', bytes: makeHandPng(), type: 'image/png' },
      { name: 'broken.png', bytes: garbage, type: 'image/png' },
      { name: 'hand.dcm', bytes: makeHandDicom() },
      { name: 'hand.jpg', bytes: makeHandJpeg(), type: 'image/jpeg' },
    ]);
    // All four are listed at once, before any is estimated.
    expect(await page.locator('[data-testid="worklist-row"]').count()).toBe(4);
    const totals = await waitForWorklist(page, 4);
    expect(totals).toEqual({ total: 4, done: 3, failed: 1 });
    const list = await rows(w);
    expect(list.map((r) => r.status)).toEqual(['done', 'failed', 'done', 'done']);
    expect(list.map((r) => r.file)).toEqual(['first, "hand".png', 'broken.png', 'hand.dcm', 'hand.jpg']);
    expect(list[1].text).toMatch(/not a PNG, JPEG or DICOM/i);
    for (const r of [list[0], list[2], list[3]]) expect(Number.isFinite(Number(r.months)) && r.months !== '').toBe(true);
    // The same hand as PNG and as DICOM gives the same estimate (the model sees the same pixels).
    expect(Math.abs(Number(list[0].months) - Number(list[2].months))).toBeLessThan(0.5);
    // The first file of the drop is on screen; the broken one is named in the error banner.
    expect(await page.locator('[data-testid="bone-age"]').getAttribute('data-seq')).toBe(String(list[0].seq));
    expect(await page.locator('[data-testid="error"]').textContent()).toContain('broken.png');

    // Clicking a row shows that case; clicking the broken one says why it failed.
    await page.locator(`[data-testid="worklist-row"][data-seq="${list[2].seq}"]`).click();
    await page.locator(`[data-testid="bone-age"][data-seq="${list[2].seq}"]`).waitFor();
    expect(await page.locator('[data-testid="image-info"]').textContent()).toMatch(/DICOM/);
    await page.locator(`[data-testid="window-values"][data-image-id="boneage:${list[2].seq}"]`).waitFor();
    await page.locator(`[data-testid="worklist-row"][data-seq="${list[1].seq}"]`).click();
    expect(await page.locator('[data-testid="viewport-message"]').textContent()).toMatch(/broken\.png.*Could not open this file/);
    expect(await page.locator('[data-testid="cornerstone-element"]').isVisible()).toBe(false);
    // K / J step through the list.
    await page.keyboard.press('j');
    await page.locator(`[data-testid="bone-age"][data-seq="${list[2].seq}"]`).waitFor();
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await page.locator(`[data-testid="bone-age"][data-seq="${list[0].seq}"]`).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/worklist.png` });

    // CSV export: a download made in the page, nothing sent anywhere.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^boneage-worklist-\d{4}-\d\d-\d\dT\d\d-\d\d\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const csv = parseCsv(text.slice(1));
    expect(csv).toHaveLength(5);
    expect(csv[0].slice(0, 4)).toEqual(['case', 'file', 'status', 'bone_age_months']);
    for (let i = 0; i < 4; i++) {
      expect(csv[i + 1][0]).toBe(String(list[i].seq));
      expect(csv[i + 1][1]).toBe(list[i].file);
      expect(csv[i + 1][2]).toBe(list[i].status);
      if (list[i].status === 'done') expect(csv[i + 1][3]).toBe(Number(list[i].months).toFixed(1).replace(/\.0$/, ''));
    }
    expect(csv[2][13]).toMatch(/not a PNG, JPEG or DICOM/i);
    console.log(`CSV export:\n${text.slice(1)}`);
    expect(w.foreign).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('estimates files dropped while the model is still loading once it is ready; a file opened mid-list goes first', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const w = await openPage(h, '', {
      waitReady: false,
      // Hold the network file back until the files have been dropped.
      setup: (context) => context.route('**/model.json', async (route) => (await held, route.continue())),
    });
    const { page } = w;
    await stashBytes(page, { png: makeHandPng(), dcm: makeHandDicom(), jpg: makeHandJpeg() });
    await dropStashed(page, ['png', 'dcm', 'jpg'], 'early-');
    // The first is read and shown at once; nothing is estimated without the model.
    await page.locator('[data-testid="image-info"]').waitFor();
    expect(await page.evaluate(() => window.__boneage!.cases())).toEqual({ total: 3, done: 0, failed: 0 });
    release();
    expect(await waitForWorklist(page, 3)).toEqual({ total: 3, done: 3, failed: 0 });

    // A long list runs; a file picked meanwhile is worked on next and put on screen.
    await dropStashed(page, Array.from({ length: 60 }, (_, i) => ['png', 'dcm', 'jpg'][i % 3]), 'long-');
    const urgent = await pickFile(page, 'urgent.png', makeHandPng(), 'image/png');
    expect(urgent.kind, urgent.text).toBe('result');
    const doneWhenShown = (await page.evaluate(() => window.__boneage!.cases())).done;
    // Seen when its result showed (polled, so a few more cases may have finished meanwhile): well before the list's end.
    console.log(`The urgent file's result was on screen when ${doneWhenShown - 4} of the 60 earlier cases were done.`);
    expect(doneWhenShown - 4).toBeLessThan(40);
    expect(await page.locator('[data-testid="image-info"]').textContent()).toContain('urgent.png');
    expect(await waitForWorklist(page, 64)).toEqual({ total: 64, done: 64, failed: 0 });
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('runs 100 cases in a row without growing the tensor count or the heap', async () => {
    const w = await openPage(h);
    const { page } = w;
    await stashBytes(page, { png: makeHandPng(), dcm: makeHandDicom(), jpg: makeHandJpeg() });
    const kinds = ['png', 'dcm', 'jpg'];
    const pick = (n: number, from: number) => Array.from({ length: n }, (_, i) => kinds[(from + i) % 3]);

    const t0 = Date.now();
    await dropStashed(page, pick(5, 0), 'case-', 0);
    expect(await waitForWorklist(page, 5)).toEqual({ total: 5, done: 5, failed: 0 });
    await waitForSideModels(page);
    const early = await measureMemory(page);

    await dropStashed(page, pick(95, 5), 'case-', 5);
    expect(await waitForWorklist(page, 100)).toEqual({ total: 100, done: 100, failed: 0 });
    const seconds = (Date.now() - t0) / 1000;
    const after100 = await measureMemory(page);

    // Read through the whole list with J: each case is decoded again from its file and displayed.
    await page.locator('[data-testid="worklist-row"]').first().click();
    const seqs = (await rows(w)).map((r) => r.seq);
    for (const seq of seqs.slice(1)) {
      await page.keyboard.press('j');
      await page.locator(`[data-testid="window-values"][data-image-id="boneage:${seq}"]`).waitFor({ timeout: 30_000 });
    }
    const afterViewing = await measureMemory(page);
    // The list has followed the selection: the last row is scrolled into view.
    const list = (await page.locator('.worklist-scroll').boundingBox())!;
    const last = (await page.locator(`[data-testid="worklist-row"][data-seq="${seqs[seqs.length - 1]}"]`).boundingBox())!;
    expect(last.y).toBeGreaterThanOrEqual(list.y - 1);
    expect(last.y + last.height).toBeLessThanOrEqual(list.y + list.height + 1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/worklist-100.png` });
    console.log(
      `100 cases in ${seconds.toFixed(1)} s (${((seconds * 1000) / 100).toFixed(0)} ms per case incl. decode). ` +
        `Tensors: ${early.tensors} after 5, ${after100.tensors} after 100, ${afterViewing.tensors} after viewing all 100. ` +
        `JS heap after GC: ${early.heapMB.toFixed(1)} MB after 5, ${after100.heapMB.toFixed(1)} MB after 100, ${afterViewing.heapMB.toFixed(1)} MB after viewing all. ` +
        `ArrayBuffers: ${early.buffersMB.toFixed(1)} MB, ${after100.buffersMB.toFixed(1)} MB, ${afterViewing.buffersMB.toFixed(1)} MB. ` +
        `Decoded images held: ${early.held}, ${after100.held}, ${afterViewing.held}.`,
    );
    expect(after100.tensors).toBe(early.tensors);
    expect(afterViewing.tensors).toBe(early.tensors);
    expect(after100.held).toBeLessThanOrEqual(2);
    expect(afterViewing.held).toBeLessThanOrEqual(2);
    // Roughly flat. Decoded pixels are typed arrays, counted under ArrayBuffers: 95 more cases of
    // 400×500 float pixels would add ≥ 72 MB there if they were kept.
    expect(after100.heapMB - early.heapMB).toBeLessThan(20);
    expect(afterViewing.heapMB - early.heapMB).toBeLessThan(20);
    expect(after100.buffersMB - early.buffersMB).toBeLessThan(20);
    expect(afterViewing.buffersMB - early.buffersMB).toBeLessThan(20);
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps the tensor count flat on the webgl backend too (30 cases)', async () => {
    const w = await openPage(h, '?backend=webgl');
    const { page } = w;
    const backend = (await page.locator('[data-testid="backend"]').textContent())?.trim();
    if (backend !== 'webgl') {
      console.warn(`webgl is not available here (got ${backend}); the webgl tensor check did not run.`);
      await page.context().close();
      return;
    }
    await stashBytes(page, { png: makeHandPng(), dcm: makeHandDicom(), jpg: makeHandJpeg() });
    const kinds = ['png', 'dcm', 'jpg'];
    await dropStashed(page, kinds, 'gl-');
    await waitForWorklist(page, 3);
    const early = await measureMemory(page);
    await dropStashed(page, Array.from({ length: 27 }, (_, i) => kinds[i % 3]), 'gl-', 3);
    expect(await waitForWorklist(page, 30)).toEqual({ total: 30, done: 30, failed: 0 });
    const after = await measureMemory(page);
    const bytes = await page.evaluate(() => window.__boneage!.numBytes());
    console.log(`webgl: tensors ${early.tensors} after 3, ${after.tensors} after 30 (${(bytes / 2 ** 20).toFixed(1)} MB in tensors).`);
    expect(after.tensors).toBe(early.tensors);
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  });
});
