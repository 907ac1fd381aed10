import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server';

/** Debian's Chromium; BONEAGE_CHROMIUM overrides (e.g. to check the missing-browser paths). */
export const CHROMIUM_PATH = process.env.BONEAGE_CHROMIUM ?? '/usr/bin/chromium';
export const DIST = resolve(import.meta.dirname, '../../dist');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** run: Chromium is there. skip: it is not, outside CI (said loudly). fail: it is not, and CI=true. */
export function browserTestMode(): 'run' | 'skip' | 'fail' {
  if (existsSync(CHROMIUM_PATH)) return 'run';
  if (process.env.CI === 'true') return 'fail';
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!!  BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM_PATH}.\n!!  Install Debian's chromium to run them (with CI=true they fail instead).\n${line}\n`);
  return 'skip';
}

export interface Harness {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist/ (or `root`, e.g. a modified copy of it) and starts Chromium. Fails with a clear message when something needed is missing. */
export async function startHarness(mode: 'run' | 'skip' | 'fail', root: string = DIST): Promise<Harness> {
  if (mode === 'fail') throw new Error(`Chromium is required for the browser tests (CI=true) but ${CHROMIUM_PATH} does not exist.`);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`The built page is missing (${root}/index.html). Run \`npx vite build\` first (\`npm test\` does).`);
  }
  if (!existsSync(resolve(root, 'models/index.json'))) {
    throw new Error(`No model in the built page (${root}/models/index.json): put one in public/models/ (with index.json) and rebuild.`);
  }
  const server = await startStaticServer(root);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Stands for what a suite's `beforeAll` will have started: reads go through to it, so a test body uses it
 *  as it would the real object (and throws with `what` if it is read before the hook ran). */
function lateBound<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${what} is not started yet: use it inside hooks and tests`);
      return Reflect.get(target, key);
    },
  });
}

/** Call inside a `describe`: the harness over dist/ (a test that changes a copy starts its own with
 *  startHarness), started before the suite's tests (before the suite's own `beforeAll` hooks, which
 *  vitest runs in the order they were declared) and closed after them. */
export function useHarness(mode: 'run' | 'skip' | 'fail'): Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(async () => {
    await h?.close();
  });
  return lateBound(() => h, 'The harness');
}

/** Call inside a `describe` after useHarness: one page (opened as openPage opens it) that the suite's tests share. */
export function usePage(h: Harness, query = '', options: OpenPageOptions = {}): PageWatch {
  let w: PageWatch | undefined;
  beforeAll(async () => {
    w = await openPage(h, query, options);
  });
  return lateBound(() => w, 'The page');
}

export interface PageWatch {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Requests to anywhere but the page's own origin (they are blocked). */
  foreign: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  consoleErrors: string[];
  console: string[];
}

export interface OpenPageOptions {
  waitReady?: boolean;
  setup?: (context: BrowserContext) => Promise<unknown>;
}

/** Opens the page (with `query`, e.g. "?backend=wasm") and waits until the model is ready (or, with
 *  `waitReady: false`, only for the page to load). `setup` can add routes (e.g. to break the model). */
export async function openPage(
  h: Harness,
  query = '',
  options: OpenPageOptions = {},
): Promise<PageWatch> {
  const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const watch: PageWatch = { page, requests: [], foreign: [], pageErrors: [], consoleErrors: [], console: [] };
  const origin = h.server.origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    watch.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await options.setup?.(context);
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('pageerror', (e) => watch.pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    watch.console.push(`[${m.type()}] ${m.text()}`);
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  await page.goto(`${origin}/${query}`);
  if (options.waitReady !== false) await waitForModel(page);
  return watch;
}

/** Waits for the status to say "ready" (or "unavailable"); throws with the page's error text if the model failed. */
export async function waitForModel(page: Page, timeout = 150_000): Promise<void> {
  const handle = await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="status"]')?.textContent ?? '';
      return /ready/i.test(text) || /unavailable/i.test(text) ? text : null;
    },
    undefined,
    { timeout, polling: 200 },
  );
  const status = (await handle.jsonValue()) as string;
  if (!/ready/i.test(status)) {
    const error = await page.locator('[data-testid="error"]').textContent().catch(() => null);
    throw new Error(`The page did not get ready: status "${status}", error: ${error ?? '(none shown)'}`);
  }
}

export interface Outcome {
  kind: 'result' | 'error';
  months?: number;
  text: string;
  seq: number;
}

async function currentSeq(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="viewport"]').getAttribute('data-seq'));
}

/** Waits for the page to answer file number `seq`: an estimate or an error message. */
export async function waitForOutcome(page: Page, seq: number, timeout = 120_000): Promise<Outcome> {
  const handle = await page.waitForFunction(
    (s) => {
      const result = document.querySelector(`[data-testid="bone-age"][data-seq="${s}"]`);
      if (result) return { kind: 'result', months: Number(result.getAttribute('data-months')), text: result.textContent ?? '', seq: s };
      const error = document.querySelector(`[data-testid="error"][data-seq="${s}"]`);
      if (error) return { kind: 'error', text: error.textContent ?? '', seq: s };
      // The file was opened but cannot be estimated (the estimate or the model failed).
      const shown = document.querySelector(`[data-testid="image-info"][data-seq="${s}"]`);
      const failed = document.querySelector('[data-testid="error"][data-kind="estimate"], [data-testid="error"][data-kind="model"]');
      if (shown && failed) return { kind: 'error', text: failed.textContent ?? '', seq: s };
      return null;
    },
    seq,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as Outcome;
}

/** Picks a file through the file input and waits for the page's answer. */
export async function pickFile(page: Page, name: string, bytes: Uint8Array, mimeType = 'application/octet-stream'): Promise<Outcome> {
  const seq = (await currentSeq(page)) + 1;
  await page.locator('[data-testid="file-input"]').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  return waitForOutcome(page, seq);
}

/** Drops a file on the viewer, as a drag from the desktop would, and waits for the page's answer. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array, mimeType = 'application/octet-stream'): Promise<Outcome> {
  const seq = (await currentSeq(page)) + 1;
  const dataTransfer = await page.evaluateHandle(
    ({ data, fileName, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type }));
      return dt;
    },
    { data: Array.from(bytes), fileName: name, type: mimeType },
  );
  await page.dispatchEvent('[data-testid="viewport"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="viewport"]', 'drop', { dataTransfer });
  return waitForOutcome(page, seq);
}

export async function readMap(page: Page): Promise<{ rows: number; cols: number }> {
  const map = page.locator('[data-testid="age-map"]');
  return { rows: Number(await map.getAttribute('data-rows')), cols: Number(await map.getAttribute('data-cols')) };
}

/** Mean red level (0–255) of cornerstone's canvas: the radiograph as displayed, without the overlay. */
export async function displayedBrightness(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() => {
          const c = document.querySelector('.cornerstone-element canvas') as HTMLCanvasElement;
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let s = 0;
          for (let i = 0; i < d.length; i += 4) s += d[i];
          done(s / (d.length / 4));
        }),
      ),
  );
}

/** The status line once the model has settled: ready, or unavailable. */
export async function statusOf(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="status"]')?.textContent ?? '';
      return /ready|unavailable/i.test(text) ? text : null;
    },
    undefined,
    { timeout: 120_000 },
  );
  return (await handle.jsonValue()) as string;
}
