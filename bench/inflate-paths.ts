/**
 * Is there a faster way from a dropped PNG `File` to its inflated rows than the page's (read the whole
 * file, then the browser's native inflate from memory)? Times, in headless Chromium on a 2000×2500
 * radiograph-like PNG (the bench case), side by side in one page, medians of --runs (12, first 2 dropped):
 *   read             File → bytes (file.arrayBuffer(), what the page did before its decode worker)
 *   native           IDAT bytes → rows by DecompressionStream fed from memory (decodePngFast's inflate)
 *   read_native      the two in sequence: the page's path
 *   streamed         file.stream() → a chunk-framing transform → DecompressionStream: read and inflate overlapped
 *   fflate_reused    fflate's JavaScript inflate into a buffer kept between runs (no first touch of fresh memory)
 *   fflate_fresh     the same into a new buffer each time
 *   npx tsx bench/inflate-paths.ts [--runs 12]
 * The last line is one JSON object of medians in ms. Durations only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { makeRadiographLikePng } from '../test/helpers/synthetic-radiograph';
import { parseArgs } from '../training/cli-args';
import { IDAT_PAYLOAD_JS } from './idat-payload-js';

const args = parseArgs(process.argv.slice(2), { runs: 'number' });
const runs = Math.max(3, Number(args.runs ?? 12));
const png = makeRadiographLikePng(2000, 2500);
const rowBytes = 2500 * (2000 + 1);
// fflate's browser build as a module script; the page code is a string because tsx would add helpers to a
// function passed to evaluate().
const fflatePath = createRequire(import.meta.url).resolve('fflate').replace(/[^/]+$/, '') + '../esm/browser.js';
const fflate = readFileSync(fflatePath, 'utf8') + '\nwindow.fflateInflate = inflateSync;';
const pageCode = `(async (runs, rowBytes) => {
  const png = window.benchPng;
  const u32 = (b, at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  const idatOf = (bytes) => {
    const parts = []; let total = 0;
    for (let at = 8; at + 8 <= bytes.length; ) {
      const len = u32(bytes, at); const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'IDAT') { parts.push(bytes.subarray(at + 8, at + 8 + len)); total += len; }
      if (type === 'IEND') break;
      at += 12 + len;
    }
    const out = new Uint8Array(total); let k = 0; for (const p of parts) { out.set(p, k); k += p.length; } return out;
  };
  const kept = new Uint8Array(rowBytes);
  const drain = async (stream) => {
    const reader = stream.getReader(); let off = 0;
    for (;;) { const { done, value } = await reader.read(); if (done) break; kept.set(value, off); off += value.length; }
    if (off !== rowBytes) throw new Error('inflated ' + off + ' bytes, expected ' + rowBytes);
  };
  const fromMemory = (bytes) => new ReadableStream({ start(c) { c.enqueue(bytes); c.close(); } });
  ${IDAT_PAYLOAD_JS}
  const t = { read: [], native: [], read_native: [], streamed: [], fflate_reused: [], fflate_fresh: [] };
  const file = () => new File([png], 'case.png', { type: 'image/png' });
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const bytes = new Uint8Array(await file().arrayBuffer());
    const t1 = performance.now();
    const idat = idatOf(bytes);
    const t2 = performance.now();
    await drain(fromMemory(idat).pipeThrough(new DecompressionStream('deflate')));
    const t3 = performance.now();
    t.read.push(t1 - t0); t.native.push(t3 - t2); t.read_native.push(t3 - t0);
    const f = file();
    t0 = performance.now();
    await drain(f.stream().pipeThrough(idatPayload()).pipeThrough(new DecompressionStream('deflate')));
    t.streamed.push(performance.now() - t0);
    t0 = performance.now();
    if (window.fflateInflate(idat.subarray(2), { out: kept }).length !== rowBytes) throw new Error('fflate size');
    t.fflate_reused.push(performance.now() - t0);
    t0 = performance.now();
    window.fflateInflate(idat.subarray(2), { out: new Uint8Array(rowBytes) });
    t.fflate_fresh.push(performance.now() - t0);
  }
  const median = (a) => { const s = a.slice(2).sort((x, y) => x - y); return s[s.length >> 1]; };
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k + '_ms', Math.round(median(v) * 10) / 10]));
})`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ type: 'module', content: fflate });
  await page.waitForFunction(() => 'fflateInflate' in window);
  await page.evaluate((b64) => Object.assign(window, { benchPng: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) }), Buffer.from(png).toString('base64'));
  const result = await page.evaluate(`${pageCode}(${runs}, ${rowBytes})`);
  console.log(JSON.stringify({ case: `2000×2500 PNG, ${(png.length / 2 ** 20).toFixed(2)} MB`, runs, ...(result as object) }));
} finally {
  await browser.close();
}
