/** Drives the built page in Chromium for the benchmarks: open it on a backend, drop a case, read its timings. */
import type { Page } from 'playwright-core';
import { waitForModel, type Harness } from '../test/browser/harness';
import type { StartupTimings } from '../src/perf/page-timings';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type Backend = (typeof BACKENDS)[number];
const log = (line: string) => process.stderr.write(`${line}\n`);

export const CASE_URL = '/__bench/case';

/** The file a benchmark drops: its bytes, and the name and type the desktop would give it. */
export interface BenchCase {
  bytes: Uint8Array;
  name: string;
  type: string;
}

export const pngCase = (bytes: Uint8Array): BenchCase => ({ bytes, name: 'case.png', type: 'image/png' });

/** A fresh browser context (empty cache) on the page; requests off the origin are refused. */
export async function open(h: Harness, backend: Backend, benchCase?: BenchCase, reading: 'standard' | 'careful' = 'standard'): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const origin = h.server.origin;
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient')));
  // tsx keeps function names with a `__name` helper that page.evaluate's serialised functions call.
  await context.addInitScript('globalThis.__name = (f) => f;');
  // The reading mode is the reader's stored preference (src/state/reading-preference.ts).
  if (reading === 'careful') await context.addInitScript("localStorage.setItem('boneage.reading', 'careful');");
  if (benchCase) {
    await context.route(`${origin}${CASE_URL}`, (route) => route.fulfill({ status: 200, contentType: benchCase.type, body: Buffer.from(benchCase.bytes) }));
    await context.addInitScript((file) => Object.assign(window, { __benchCaseFile: file }), { name: benchCase.name, type: benchCase.type });
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  [${backend}] page error: ${e.message}`));
  await page.goto(`${origin}/?backend=${backend}`);
  await waitForModel(page, 300_000);
  return page;
}

/** The page's start-up timings (src/perf/page-timings.ts) and the backend it ended up on. */
export interface Startup extends StartupTimings {
  used: string;
  note: string;
}

export async function startupOf(page: Page): Promise<Startup> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __boneage: { startup(): Record<string, number> } }).__boneage;
    return {
      used: document.querySelector('[data-testid="backend"]')?.textContent?.trim() ?? '',
      note: document.querySelector('[data-testid="backend-note"]')?.textContent?.trim() ?? '',
      ...hook.startup(),
    };
  });
}

export interface Drop {
  e2e_ms: number;
  /** To the first animation frame after the result was in the DOM (when it can be painted). */
  frame_ms: number;
  stages: Record<string, number>;
  /** The drop event's time and the case's number in the page (performance.now(); for timelines). */
  drop_at: number;
  seq: number;
}

/** Drops the case file on the viewer, as from the desktop; times it in the page, from the drop event to the result in the DOM. */
export async function dropCase(page: Page): Promise<Drop> {
  return page.evaluate(async () => {
    const w = window as unknown as { __benchCase: Uint8Array; __benchCaseFile: { name: string; type: string }; __boneage: { caseTimings(seq: number): Record<string, number> | null } };
    const target = document.querySelector('[data-testid="viewport"]') as HTMLElement;
    const seq = Number(target.dataset.seq) + 1;
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File([w.__benchCase as BlobPart], w.__benchCaseFile.name, { type: w.__benchCaseFile.type }));
    const nextFrame = () => new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now())));
    let t0 = 0;
    const { e2e, frame } = await new Promise<{ e2e: number; frame: number }>((ok, fail) => {
      const check = () => {
        if (document.querySelector(`[data-testid="bone-age"][data-seq="${seq}"]`)) {
          const t1 = performance.now();
          observer.disconnect();
          void nextFrame().then((t2) => ok({ e2e: t1 - t0, frame: t2 - t0 }));
        } else if (document.querySelector(`[data-testid="error"][data-seq="${seq}"], [data-testid="error"][data-kind="estimate"]`)) {
          observer.disconnect();
          fail(new Error(document.querySelector('[data-testid="error"]')?.textContent ?? 'error'));
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      t0 = performance.now();
      target.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
    });
    // The image is drawn by cornerstone on an animation frame; give it two before reading the stages.
    await nextFrame();
    await nextFrame();
    return { e2e_ms: e2e, frame_ms: frame, stages: w.__boneage.caseTimings(seq) ?? {}, drop_at: t0, seq };
  });
}

/** Switches the reading (the result panel's radio buttons) and times it in the page: from the click to the case
 *  on screen showing its estimate in the new reading (read again from its kept input plane). */
export async function switchReading(page: Page, to: 'standard' | 'careful'): Promise<number> {
  return page.evaluate(async (mode) => {
    const input = document.querySelector(`[data-testid="reading-mode-result"] input[value="${mode}"]`) as HTMLInputElement | null;
    if (!input) throw new Error('No reading switch beside the result (does the card offer a careful reading?).');
    const shown = () => document.querySelector('[data-testid="result-model"]')?.getAttribute('data-reading') === mode;
    let t0 = 0;
    return new Promise<number>((ok) => {
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        ok(performance.now() - t0);
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      t0 = performance.now();
      input.click();
    });
  }, to);
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** The renderer process's CPU time so far (all its threads), in ms. Unlike wall time, it hardly
 *  changes with how busy the rest of the machine is. */
export async function cpuMs(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN) * 1000;
}

export const numTensors = (page: Page) => page.evaluate(() => (window as unknown as { __boneage: { numTensors(): number } }).__boneage.numTensors());

/** The tensor count once the page is idle: the result of a drop shows before the QC check (and on a slow
 *  backend its inference) has finished, and that work's tensors are in flight, not leaked. Polls until the
 *  count holds for a second (at most `maxMs`). */
export async function settledTensors(page: Page, maxMs = 60_000): Promise<number> {
  const start = Date.now();
  let last = await numTensors(page);
  let same = 0;
  while (same < 4 && Date.now() - start < maxMs) {
    await page.waitForTimeout(250);
    const now = await numTensors(page);
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

/** What the browser says the WebGPU adapter is (SwiftShader in a GPU-less container). */
export async function adapterOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    type Adapter = { isFallbackAdapter?: boolean; info?: Record<string, string> };
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const a = await gpu?.requestAdapter();
    if (!a) return 'none';
    const info = a.info ?? {};
    return [a.isFallbackAdapter ? 'fallback adapter' : '', info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  });
}

/** Fetches the case (served by `open`'s route) into the page once, so each drop starts from bytes in memory. */
export async function loadCase(page: Page): Promise<void> {
  await page.evaluate(async (url) => {
    (window as unknown as { __benchCase: Uint8Array }).__benchCase = new Uint8Array(await (await fetch(url)).arrayBuffer());
  }, CASE_URL);
}
