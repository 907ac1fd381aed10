import { describe, expect, it } from 'vitest';
import { makeHandPng } from './fixtures';
import { makeHand16BitPng } from '../helpers/bad-inputs';
import { makePng } from '../helpers/make-png';
import { waitForSideModels } from './side-models';
import { browserTestMode, pickFile, useHarness, usePage } from './harness';

const mode = browserTestMode();

type Hook = {
  version: number;
  numTensors(): number;
  startup(): Record<string, number>;
  caseTimings(seq: number): Record<string, number> | null;
  pngDecodes(): { worker: number; page: number };
};

/** The read-only timings hook the benchmark reads (src/perf/page-timings.ts). */
describe.skipIf(mode === 'skip')('window.__boneage', () => {
  const h = useHarness(mode);
  const w = usePage(h, '?backend=wasm');

  it('reports the start-up stages, in order, once the model is ready', async () => {
    const s = await w.page.evaluate(() => (window as unknown as { __boneage: Hook }).__boneage.startup());
    for (const key of ['script_ms', 'backend_ms', 'load_ms', 'first_inference_ms', 'warm_pipeline_ms', 'ready_ms']) {
      expect(s[key], key).toBeGreaterThan(0);
    }
    expect(s.ready_ms).toBeGreaterThan(s.script_ms);
    expect(s.ready_ms - s.script_ms).toBeGreaterThanOrEqual(s.load_ms + s.first_inference_ms - 1);
  });

  it('times each stage of a case, and 20 cases leave no tensor behind', async () => {
    const png = makeHandPng();
    const tensors = () => w.page.evaluate(() => (window as unknown as { __boneage: Hook }).__boneage.numTensors());
    await pickFile(w.page, 'hand.png', png, 'image/png');
    await waitForSideModels(w.page);
    const before = await tensors();
    expect(before).toBeGreaterThan(0); // the model's weights
    let last = 0;
    for (let i = 0; i < 20; i++) last = (await pickFile(w.page, 'hand.png', png, 'image/png')).seq;
    expect(await tensors()).toBe(before);
    // The viewer draws on an animation frame: wait for its stage to be recorded.
    await w.page.waitForFunction((seq) => (window as unknown as { __boneage: Hook }).__boneage.caseTimings(seq)?.display_ms !== undefined, last);
    const t = (await w.page.evaluate((seq) => (window as unknown as { __boneage: Hook }).__boneage.caseTimings(seq), last))!;
    for (const key of ['read_ms', 'decode_ms', 'preprocess_ms', 'inference_ms', 'estimate_ms', 'display_ms']) {
      expect(Number.isFinite(t[key]), key).toBe(true);
      expect(t[key], key).toBeGreaterThanOrEqual(0);
    }
    expect(t.estimate_ms).toBeGreaterThanOrEqual(t.inference_ms);
    // Only a few recent cases are kept.
    expect(await w.page.evaluate(() => (window as unknown as { __boneage: Hook }).__boneage.caseTimings(1))).toBeNull();
  });

  it('decodes gray PNGs in the decode worker and hands anything else back to the page', async () => {
    const counts = () => w.page.evaluate(() => (window as unknown as { __boneage: Hook }).__boneage.pngDecodes());
    const png = makeHandPng();
    const start = await counts();
    expect(start.worker).toBeGreaterThanOrEqual(1); // the warm-up's tiny PNG
    expect((await pickFile(w.page, 'hand.png', png, 'image/png')).kind).toBe('result');
    expect((await pickFile(w.page, 'hand16.png', makeHand16BitPng(), 'image/png')).kind).toBe('result');
    expect(await counts()).toEqual({ worker: start.worker + 2, page: start.page });
    // RGB and a cut-off file: declined by the worker, decoded (or refused with a reason) on the page.
    const rgb = makePng({ width: 4, height: 3, data: Array.from({ length: 36 }, (_, i) => i * 7), channels: 3 });
    expect((await pickFile(w.page, 'rgb.png', rgb, 'image/png')).kind).toBe('error'); // too small to be a radiograph
    const cut = await pickFile(w.page, 'cut.png', png.subarray(0, png.length >> 1), 'image/png');
    expect(cut.kind).toBe('error');
    expect(cut.text).toMatch(/incomplete/);
    expect(await counts()).toEqual({ worker: start.worker + 2, page: start.page + 2 });
  });

  it('cannot be replaced or changed by the page', async () => {
    const result = await w.page.evaluate(() => {
      const win = window as unknown as { __boneage: Hook & { extra?: number } };
      const original = win.__boneage;
      try {
        (win as { __boneage: unknown }).__boneage = {};
      } catch {
        /* strict-mode assignment to a read-only property throws */
      }
      try {
        win.__boneage.extra = 1;
      } catch {
        /* frozen */
      }
      return { same: win.__boneage === original, extra: 'extra' in win.__boneage };
    });
    expect(result).toEqual({ same: true, extra: false });
    expect(w.pageErrors).toEqual([]);
  });
});
