import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropFileFast } from './drop';
import { makeHandDicom, makeHandPng } from './fixtures';
import { browserTestMode, openPage, useHarness, type PageWatch } from './harness';

const mode = browserTestMode();

/** A patient no one else would have: every one of these strings must stay out of storage and logs. */
const PATIENT = {
  fileName: 'zq-privacy-probe-7731.dcm',
  name: 'Quixotewright^Zelda^Marisol',
  id: 'PID-7731-QZX',
  birthDate: '20130417',
  accession: 'ACC-55120-QZX',
};
const SECRETS = [
  PATIENT.fileName,
  'zq-privacy-probe',
  'Quixotewright',
  'Marisol',
  PATIENT.id,
  PATIENT.birthDate,
  '2013-04-17',
  '17.04.2013',
  '17/04/2013',
  PATIENT.accession,
];

function patientDicom(): Uint8Array {
  return makeHandDicom([
    { tag: 0x00080020, vr: 'DA', value: '20250309' },
    { tag: 0x00080050, vr: 'SH', value: PATIENT.accession },
    { tag: 0x00100010, vr: 'PN', value: PATIENT.name },
    { tag: 0x00100020, vr: 'LO', value: PATIENT.id },
    { tag: 0x00100030, vr: 'DA', value: PATIENT.birthDate },
    { tag: 0x00100040, vr: 'CS', value: 'F' },
  ]);
}

/** Records Content-Security-Policy violations from the first moment of every page. */
async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = log;
    document.addEventListener('securitypolicyviolation', (e) => log.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** Everything the page keeps between visits, as text: Web Storage, cookies, IndexedDB, Cache Storage. */
async function persistedText(page: Page): Promise<{ text: string; summary: string }> {
  const fromPage = await page.evaluate(async () => {
    const parts: string[] = [];
    const summary: string[] = [];
    const asText = (v: unknown): string => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const u8 = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        return new TextDecoder('latin1').decode(u8);
      }
      if (v instanceof Blob) return `[blob ${v.size}]`;
      try {
        return JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) || x instanceof ArrayBuffer ? asText(x) : x));
      } catch {
        return String(v);
      }
    };
    for (const [name, store] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      summary.push(`${name}: ${store.length} keys`);
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        parts.push(key, store.getItem(key) ?? '');
      }
    }
    parts.push(document.cookie);
    summary.push(`document.cookie: ${document.cookie.length} chars`);
    const dbs = (await indexedDB.databases?.()) ?? [];
    summary.push(`IndexedDB: ${dbs.length} databases`);
    for (const info of dbs) {
      if (!info.name) continue;
      parts.push(info.name);
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        parts.push(storeName);
        const tx = db.transaction(storeName, 'readonly');
        const [keys, values] = await Promise.all(
          [tx.objectStore(storeName).getAllKeys(), tx.objectStore(storeName).getAll()].map(
            (r) => new Promise<unknown[]>((ok, fail) => ((r.onsuccess = () => ok(r.result as unknown[])), (r.onerror = () => fail(r.error)))),
          ),
        );
        parts.push(...keys.map(asText), ...values.map(asText));
      }
      db.close();
    }
    if ('caches' in window) {
      const names = await caches.keys();
      summary.push(`Cache Storage: ${names.length} caches`);
      for (const name of names) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          parts.push(request.url);
          const response = await cache.match(request);
          if (response) parts.push(new TextDecoder('latin1').decode(await response.arrayBuffer()));
        }
      }
    }
    return { text: parts.join('\n'), summary: summary.join('; ') };
  });
  const cookies = await page.context().cookies();
  return { text: `${fromPage.text}\n${JSON.stringify(cookies)}`, summary: `${fromPage.summary}; context cookies: ${cookies.length}` };
}

describe.skipIf(mode === 'skip')('privacy', () => {
  const h = useHarness(mode);

  it('serves a Content-Security-Policy that allows the page own origin only, and it is enforced', async () => {
    const w = await openPage(h, '?backend=cpu', { setup: recordCspViolations });
    const { page } = w;
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBeTruthy();
    const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const sources of Object.values(directives) as string[][]) {
      for (const s of sources) expect(s, `no other origin in the policy: ${csp}`).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|data:|blob:)$/);
    }
    // The browser refuses, before any request is made: fetch, an image, a script, eval.
    const attempts = await page.evaluate(async () => {
      const out: Record<string, string> = {};
      out.fetch = await fetch('https://example.org/leak?x=1').then(() => 'sent', (e: Error) => `refused: ${e.name}`);
      out.image = await new Promise<string>((done) => {
        const img = new Image();
        img.onload = () => done('loaded');
        img.onerror = () => done('refused');
        img.src = 'https://example.org/pixel.gif';
      });
      out.script = await new Promise<string>((done) => {
        const s = document.createElement('script');
        s.onload = () => done('loaded');
        s.onerror = () => done('refused');
        s.src = 'https://example.org/x.js';
        document.head.append(s);
      });
      try {
        out.eval = String((0, eval)('1 + 1'));
      } catch (e) {
        out.eval = `refused: ${(e as Error).name}`;
      }
      return out;
    });
    expect(attempts).toEqual({ fetch: 'refused: TypeError', image: 'refused', script: 'refused', eval: 'refused: EvalError' });
    const violations = await cspViolations(page);
    expect(violations).toEqual(expect.arrayContaining(['connect-src https://example.org/leak?x=1', 'img-src https://example.org/pixel.gif', 'script-src-elem https://example.org/x.js']));
    // CSP stopped them, not the test's network filter: nothing reached it.
    expect(w.foreign).toEqual([]);
    console.log(`CSP: ${csp}`);
    await page.context().close();
  });

  it.each(['webgpu', 'webgl', 'wasm', 'cpu'])('the page works under the policy on ?backend=%s (no violation, an estimate)', async (backend) => {
    const w = await openPage(h, `?backend=${backend}`, { setup: recordCspViolations });
    const outcome = await dropFileFast(w.page, 'hand.png', makeHandPng(), 'image/png');
    const used = (await w.page.locator('[data-testid="backend"]').textContent())?.trim();
    expect(outcome.kind, outcome.text).toBe('result');
    // wasm and cpu always exist; a software GPU may lack webgpu/webgl (then the fallback is what ran under the policy).
    if (backend === 'wasm' || backend === 'cpu') expect(used).toBe(backend);
    else if (used !== backend) console.warn(`!! ${backend} unavailable here: the page fell back to ${used}; the policy was not exercised on ${backend}.`);
    expect(await cspViolations(w.page)).toEqual([]);
    expect(w.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
    console.log(`?backend=${backend} → ${used}: ${outcome.text}`);
    await w.page.context().close();
  });

  describe('reading a case', () => {
    let w: PageWatch;

    beforeAll(async () => {
      w = await openPage(h, '?backend=wasm', { setup: recordCspViolations });
    });

    it('asks nothing of any other origin, and makes no request at all once the app and model are loaded', async () => {
      // "Loaded" includes the service worker's copy of the app and model for offline use.
      await w.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
      const servedBefore = h.server.served.length;
      expect(w.foreign).toEqual([]);
      for (const url of w.requests) expect(new URL(url).origin, url).toBe(h.server.origin);
      const loaded = w.requests.length;
      expect(loaded).toBeGreaterThan(3); // page, script, model files
      const outcome = await dropFileFast(w.page, PATIENT.fileName, patientDicom(), 'application/dicom');
      expect(outcome.kind, outcome.text).toBe('result');
      // The file's name is on screen (the reader needs it) ...
      expect(await w.page.locator('[data-testid="image-info"]').textContent()).toContain(PATIENT.fileName);
      // ... and a second case, to be sure nothing is sent lazily.
      const second = await dropFileFast(w.page, 'hand.png', makeHandPng(), 'image/png');
      expect(second.kind).toBe('result');
      await w.page.waitForTimeout(500);
      expect(w.requests.slice(loaded), 'requests made while reading cases').toEqual([]);
      // Counted at the server too, so that requests by the service worker (or anything else) count.
      expect(h.server.served.slice(servedBefore), 'files served while reading cases').toEqual([]);
      expect(w.foreign).toEqual([]);
    });

    it('keeps nothing about the patient in storage, cookies, caches or the console', async () => {
      const { text, summary } = await persistedText(w.page);
      for (const secret of SECRETS) {
        expect(text.includes(secret), `"${secret}" found in persisted browser state`).toBe(false);
        for (const line of w.console) expect(line.includes(secret), `"${secret}" in console: ${line}`).toBe(false);
      }
      // The DICOM's bytes themselves are not stored either.
      expect(text.includes(PATIENT.accession)).toBe(false);
      console.log(`Persisted state after reading the case: ${summary}; console lines: ${w.console.length}`);
      expect(w.pageErrors).toEqual([]);
      await w.page.context().close();
    });
  });
});
