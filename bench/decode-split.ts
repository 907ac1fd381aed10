/**
 * How to split a dropped PNG's decode over two threads: the study behind src/decode-worker/. In headless
 * Chromium, on the 2000×2500 bench radiograph, medians over `runs` (first 2 dropped), in ms:
 *   current        one thread: file.arrayBuffer(), native inflate from memory, rows unfiltered after
 *   pipelined      a worker streams the file (file.stream() → chunk framing → DecompressionStream) and posts
 *                  the inflated rows; the page unfilters them as they come
 *   worker_mem     a worker reads the whole file, then inflates it by input slices of `slice` bytes, posting
 *                  rows as they come out; the page unfilters meanwhile (what the page now does)
 *   worker_only    the streamed worker alone (rows discarded)
 *   read, inflate_mem, unfilter_only   the single-thread steps, apart
 *   npx tsx bench/decode-split.ts [runs=14] [slice=65536]
 * Self-contained page code (a string: tsx would add helpers to a function passed to evaluate()).
 */
import { chromium } from 'playwright-core';
import { makeRadiographLikePng } from '../test/helpers/synthetic-radiograph';
import { IDAT_PAYLOAD_JS } from './idat-payload-js';
const runs = Number(process.argv[2] ?? 14);
const png = makeRadiographLikePng(2000, 2500);
const W = 2000, H = 2500;
const workerCode = `
const u32 = (b, at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
${IDAT_PAYLOAD_JS}
const idatOf = (bytes) => { const parts = []; let total = 0;
    for (let at = 8; at + 8 <= bytes.length; ) { const len = u32(bytes, at); const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'IDAT') { parts.push(bytes.subarray(at + 8, at + 8 + len)); total += len; } if (type === 'IEND') break; at += 12 + len; }
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(total); let k = 0; for (const p of parts) { out.set(p, k); k += p.length; } return out; };
onmessage = async (e) => {
  if (e.data.mem) {
    const idat = idatOf(new Uint8Array(await e.data.file.arrayBuffer()));
    let at = 0; const SL = e.data.slice;
    const reader = new ReadableStream({ pull(c) { if (at >= idat.length) { c.close(); return; } c.enqueue(idat.subarray(at, at + SL)); at += SL; } }, { highWaterMark: 0 }).pipeThrough(new DecompressionStream('deflate')).getReader();
    for (;;) { const { done, value } = await reader.read(); if (done) break; postMessage(value, [value.buffer]); }
    postMessage(null);
    return;
  }
  const reader = e.data.stream().pipeThrough(idatPayload()).pipeThrough(new DecompressionStream('deflate')).getReader();
  for (;;) { const { done, value } = await reader.read(); if (done) break; postMessage(value, [value.buffer]); }
  postMessage(null);
};`;
const pageCode = `(async (runs, W, H, workerCode, SLICE) => {
  const png = window.benchPng;
  const stride = W;
  const u32 = (b, at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  const idatOf = (bytes) => { const parts = []; let total = 0;
    for (let at = 8; at + 8 <= bytes.length; ) { const len = u32(bytes, at); const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'IDAT') { parts.push(bytes.subarray(at + 8, at + 8 + len)); total += len; } if (type === 'IEND') break; at += 12 + len; }
    const out = new Uint8Array(total); let k = 0; for (const p of parts) { out.set(p, k); k += p.length; } return out; };
  // unfilter one row (filter f) in out[row..row+stride) with out[prev..] above (prev < 0: none)
  const unf = (out, row, prev, f) => {
    if (f === 0) return;
    if (f === 1 || (f === 4 && prev < 0)) { for (let i = row + 1; i < row + stride; i++) out[i] = (out[i] + out[i - 1]) & 255; return; }
    if (f === 2) { if (prev >= 0) for (let i = 0; i < stride; i++) out[row + i] = (out[row + i] + out[prev + i]) & 255; return; }
    if (f === 3) { if (prev >= 0) { out[row] = (out[row] + (out[prev] >> 1)) & 255; for (let i = 1; i < stride; i++) out[row + i] = (out[row + i] + ((out[row + i - 1] + out[prev + i]) >> 1)) & 255; }
      else for (let i = row + 1; i < row + stride; i++) out[i] = (out[i] + (out[i - 1] >> 1)) & 255; return; }
    out[row] = (out[row] + out[prev]) & 255;
    for (let i = 1; i < stride; i++) { const a = out[row + i - 1], b = out[prev + i], c = out[prev + i - 1];
      const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
      out[row + i] = (out[row + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255; }
  };
  // incremental: feed inflated chunks; rows land straight in out
  const sink = () => { const out = new Uint8Array(W * H); let y = 0, col = -1, f = 0;
    return { out, push(c) { let k = 0; while (k < c.length && y < H) {
        if (col < 0) { f = c[k++]; col = 0; continue; }
        const n = Math.min(stride - col, c.length - k); out.set(c.subarray(k, k + n), y * W + col); k += n; col += n;
        if (col === stride) { unf(out, y * W, y ? (y - 1) * W : -1, f); y++; col = -1; } } }, get rows() { return y; } }; };
  const file = () => new File([png], 'case.png', { type: 'image/png' });
  const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
  const t = { current: [], pipelined: [], worker_mem: [], worker_only: [], read: [], inflate_mem: [], unfilter_only: [], checksum_equal: [] };
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const bytes = new Uint8Array(await file().arrayBuffer());
    const idat = idatOf(bytes);
    const reader = new ReadableStream({ start(c) { c.enqueue(idat); c.close(); } }).pipeThrough(new DecompressionStream('deflate')).getReader();
    const s1 = sink(); for (;;) { const { done, value } = await reader.read(); if (done) break; s1.push(value); }
    t.current.push(performance.now() - t0);
    const f = file();
    t0 = performance.now();
    const s2 = sink();
    await new Promise((res) => { worker.onmessage = (e) => { if (e.data === null) res(); else s2.push(e.data); }; worker.postMessage(f); });
    t.pipelined.push(performance.now() - t0);
    t0 = performance.now();
    const s4 = sink();
    await new Promise((res) => { worker.onmessage = (e) => { if (e.data === null) res(); else s4.push(e.data); }; worker.postMessage({ mem: true, file: file(), slice: SLICE }); });
    t.worker_mem.push(performance.now() - t0);
    if (s4.rows !== H || s4.out[123457] !== s2.out[123457]) throw new Error('worker_mem differs');
    t0 = performance.now();
    await new Promise((res) => { worker.onmessage = (e) => { if (e.data === null) res(); }; worker.postMessage(file()); });
    t.worker_only.push(performance.now() - t0);
    t0 = performance.now(); const b2 = new Uint8Array(await file().arrayBuffer()); t.read.push(performance.now() - t0);
    const id2 = idatOf(b2); const chunks = [];
    t0 = performance.now();
    const r2 = new ReadableStream({ start(c) { c.enqueue(id2); c.close(); } }).pipeThrough(new DecompressionStream('deflate')).getReader();
    for (;;) { const { done, value } = await r2.read(); if (done) break; chunks.push(value); }
    t.inflate_mem.push(performance.now() - t0);
    t0 = performance.now(); const s3 = sink(); for (const c of chunks) s3.push(c); t.unfilter_only.push(performance.now() - t0);
    let eq = s1.rows === H && s2.rows === H; for (let j = 0; eq && j < s1.out.length; j += 997) eq = s1.out[j] === s2.out[j];
    t.checksum_equal.push(eq ? 1 : 0);
  }
  const median = (a) => { const s = a.slice(2).sort((x, y) => x - y); return s[s.length >> 1]; };
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
})`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.evaluate((b64) => Object.assign(window, { benchPng: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) }), Buffer.from(png).toString('base64'));
  console.log(JSON.stringify(await page.evaluate(`${pageCode}(${runs}, ${W}, ${H}, ${JSON.stringify(workerCode)}, ${Number(process.argv[3] ?? 65536)})`)));
} finally { await browser.close(); }
