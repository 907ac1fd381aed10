/**
 * Speed evidence for the page: drives the built page (dist/) in headless Chromium, once per backend.
 *
 *   npx vite build && npm run --silent bench:page [-- --backends wasm,cpu --cold 20 --cold-slow 5 --cases 100 --case radiograph|bars|dicom --dist <built page> --reading standard|careful]
 *
 * Per backend (`?backend=webgpu|webgl|wasm|cpu`), medians over the runs:
 *   cold_start_ms       page open (navigation start) → model ready, each run in a fresh browser context
 *                       (--cold runs; --cold-slow for a backend whose first cold start is over 10 s, e.g. SwiftShader)
 *   load_ms             model download, SHA-256 check and build (the download overlaps the backend's start) (same runs)
 *   first_inference_ms  the warm-up inference at load, incl. shader compilation / kernel set-up (same runs)
 *   script_start_ms     page open → the page's script running (bundle download, parse, compile) (same runs)
 *   e2e_warm_ms         a 2000×2500 PNG dropped on the viewer → its bone age in the page's DOM, timed in the
 *                       page from the drop event (--cases drops on one page, the first excluded)
 *   e2e_frame_ms        the same, to the next animation frame (the result and the radiograph painted)
 *   warm_inference_ms   the network's forward pass and read-back, in those drops
 *   tensor_growth_100   tf.memory().numTensors after the drops minus before (over --cases drops; 100 by default),
 *                       each read once the page is idle (the last case's QC check done)
 *   heap_*_mb           JS heap after a forced GC, before and after the drops
 *   cpu_renderer_ms_per_case  the page's renderer process CPU time per drop (all threads): the work, whatever the load
 * plus the median of each stage of a drop (read, decode, preprocess, inference, display), the first real
 * case and the spread of e2e. A backend that cannot start (the page falls back to another) is skipped, with
 * the page's reason. The case (--case radiograph, the default) is a generated radiograph-like image that
 * compresses like real ones (≈0.4 byte/pixel as PNG, rows filtered as libpng chooses); --case bars is the flat synthetic-hands image;
 * --case dicom the same radiograph at 12 bits in an uncompressed DICOM file (drop-to-result then times the DICOM path).
 * --reading careful times the page in its careful reading (core/model/reading-mode.ts; the stored preference set
 * before the page opens), cold starts included (the warm-up is then the careful reading's).
 *   switch_first_ms     on a fresh page with one case read, the pointer moved onto the reading switch --hover-ms
 *                       before the click (400 by default: a hand reaching the button): the click on the other
 *                       reading → the case shown in it (that reading's first run on the page)
 *   switch_later_ms     the median of --switches more switches to that reading (back and forth; 5 by default, 0: none)
 * The last line is one JSON object keyed by backend. The machine's load average is printed before it:
 * on a shared machine, read wall times with it, and ratios measured in one run (WebGPU/WASM) over absolutes.
 * The page's timings come from its read-only `window.__boneage` hook (src/perf/page-timings.ts).
 */
import { waitForSideModels } from '../test/browser/side-models';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { browserTestMode, DIST, startHarness, type Harness } from '../test/browser/harness';
import { makeDicom } from '../test/helpers/make-dicom';
import { makeRadiographLikePng, radiographLikePixels } from '../test/helpers/synthetic-radiograph';
import { syntheticHand } from '../test/helpers/synthetic-hands';
import { parseArgs } from '../training/cli-args';
import { adapterOf, BACKENDS, cpuMs, dropCase, heapMb, loadCase, open, pngCase, settledTensors, startupOf, switchReading, type Backend, type BenchCase, type Drop, type Startup } from './page-driver';
import { median, round, summarise } from './stats';

const args = parseArgs(process.argv.slice(2), { backends: 'string', cold: 'number', 'cold-slow': 'number', cases: 'number', case: 'string', width: 'number', height: 'number', dist: 'string', reading: 'string', switches: 'number', 'hover-ms': 'number' });
const switches = Number(args.switches ?? 5);
const hoverMs = Number(args['hover-ms'] ?? 400);
const reading = args.reading === 'careful' ? 'careful' : 'standard';
// --dist: another build of the page (e.g. of an earlier commit), to compare two builds side by side in one session.
const dist = args.dist ? resolve(String(args.dist)) : DIST;
const backends = String(args.backends ?? BACKENDS.join(','))
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is Backend => (BACKENDS as readonly string[]).includes(b));
const coldRuns = Number(args.cold ?? 20);
// A software GPU (SwiftShader) spends ~20 s compiling shaders on every page open: 20 of those would
// take the run past a quarter of an hour, so a backend whose first cold start exceeds SLOW_MS gets fewer.
const coldRunsSlow = Number(args['cold-slow'] ?? 5);
const SLOW_MS = 10_000;
const cases = Number(args.cases ?? 100);
const width = Number(args.width ?? 2000);
const height = Number(args.height ?? 2500);
const log = (line: string) => process.stderr.write(`${line}\n`);

function ensureBuilt(): void {
  const index = resolve(dist, 'index.html');
  if (existsSync(index)) {
    log(`Using the page built at ${statSync(index).mtime.toISOString()} (${dist}); run \`npx vite build\` first if the source changed.`);
    return;
  }
  if (dist !== DIST) throw new Error(`--dist ${dist} has no built page (index.html).`);
  log('dist/ is missing: building the page (npx vite build)…');
  const built = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: resolve(DIST, '..') });
  if (built.status !== 0) throw new Error('npx vite build failed.');
}

type Result = Record<string, number | string | Record<string, number>>;

async function benchBackend(h: Harness, backend: Backend, benchCase: BenchCase): Promise<Result> {
  // Cold starts: every run a fresh context, so nothing is cached.
  const starts: Startup[] = [];
  let runs = coldRuns;
  for (let i = 0; i < runs; i++) {
    const page = await open(h, backend, undefined, reading);
    const s = await startupOf(page);
    await page.context().close();
    if (s.used !== backend) return { skipped: `the page could not start ${backend} and used ${s.used || 'nothing'}: ${s.note || 'no reason given'}` };
    starts.push(s);
    if (i === 0 && s.ready_ms! > SLOW_MS && coldRunsSlow < runs) {
      runs = coldRunsSlow;
      log(`  [${backend}] cold start over ${SLOW_MS / 1000} s: ${runs} cold runs instead of ${coldRuns} (--cold-slow)`);
    }
    log(`  [${backend}] cold ${i + 1}/${runs}: ready ${round(s.ready_ms!)} ms (load ${round(s.load_ms!)}, first inference ${round(s.first_inference_ms!)})`);
  }
  const page = await open(h, backend, benchCase, reading);
  const s = await startupOf(page);
  if (s.used !== backend) return { skipped: `the page could not start ${backend} and used ${s.used}: ${s.note}` };
  await loadCase(page);
  // The QC model and the TW-region localiser load after the age model: their weights are not growth.
  await waitForSideModels(page);
  const adapter = backend === 'webgpu' ? await adapterOf(page) : undefined;
  const tensors0 = await settledTensors(page);
  const heap0 = await heapMb(page);
  const drops: Drop[] = [];
  const cpu0 = await cpuMs(page);
  for (let i = 0; i < cases; i++) {
    drops.push(await dropCase(page));
    if ((i + 1) % 20 === 0 || i === 0) log(`  [${backend}] drop ${i + 1}/${cases}: ${round(drops[i].e2e_ms)} ms`);
  }
  const cpu1 = await cpuMs(page);
  const tensors1 = await settledTensors(page);
  const heap1 = await heapMb(page);
  await page.context().close();

  const warm = drops.slice(1);
  const stageNames = ['read', 'decode', 'preprocess', 'inference', 'estimate', 'display'];
  const stages = Object.fromEntries(stageNames.map((n) => [`${n}_ms`, round(median(warm.map((d) => d.stages[`${n}_ms`]).filter(Number.isFinite)))]));
  return {
    ...(adapter !== undefined ? { adapter } : {}),
    reading,
    cold_start_ms: round(median(starts.map((x) => x.ready_ms!))),
    load_ms: round(median(starts.map((x) => x.load_ms!))),
    first_inference_ms: round(median(starts.map((x) => x.first_inference_ms!))),
    script_start_ms: round(median(starts.map((x) => x.script_ms ?? NaN))),
    backend_init_ms: round(median(starts.map((x) => x.backend_ms!))),
    warm_pipeline_ms: round(median(starts.map((x) => x.warm_pipeline_ms ?? NaN))),
    warm_inference_ms: round(median(warm.map((d) => d.stages.inference_ms))),
    e2e_warm_ms: round(median(warm.map((d) => d.e2e_ms))),
    e2e_frame_ms: round(median(warm.map((d) => d.frame_ms))),
    e2e_first_case_ms: round(drops[0].e2e_ms),
    cpu_renderer_ms_per_case: round((cpu1 - cpu0) / cases),
    first_case_stages_ms: Object.fromEntries(Object.entries(drops[0].stages).map(([k, v]) => [k, round(v)])),
    tensor_growth_100: tensors1 - tensors0,
    cases: drops.length,
    cold_runs: starts.length,
    heap_before_mb: round(heap0, 2),
    heap_after_mb: round(heap1, 2),
    stages_ms: stages,
    spread: summarise(warm.map((d) => d.e2e_ms)),
    ...(switches > 0 ? await benchSwitches(h, backend, benchCase) : {}),
  };
}

/** A reader's first switch of reading after a case, and later ones (see switch_first_ms above). */
async function benchSwitches(h: Harness, backend: Backend, benchCase: BenchCase): Promise<Result> {
  const page = await open(h, backend, benchCase, reading);
  try {
    await loadCase(page);
    await waitForSideModels(page);
    await dropCase(page);
    await settledTensors(page);
    const other = reading === 'careful' ? 'standard' : 'careful';
    await page.hover('[data-testid="reading-mode-result"]');
    await page.waitForTimeout(hoverMs);
    const first = await switchReading(page, other);
    const later: number[] = [];
    for (let i = 0; i < switches; i++) {
      await switchReading(page, reading);
      later.push(await switchReading(page, other));
    }
    const warmed = (await startupOf(page)).other_reading_warm_ms;
    log(`  [${backend}] switch to ${other} (pointer on the switch ${hoverMs} ms before): first ${round(first)} ms, then ${later.map((x) => round(x)).join(', ')} ms`);
    return { switch_first_ms: round(first), switch_later_ms: round(median(later)), ...(warmed !== undefined ? { other_reading_warm_ms: round(warmed) } : {}) };
  } finally {
    await page.context().close();
  }
}

const mode = browserTestMode();
if (mode !== 'run') {
  log('The page benchmark needs Chromium at /usr/bin/chromium (see the README).');
  process.exit(1);
}
ensureBuilt();
// radiograph: compresses like a real radiograph (≈0.4 byte/pixel, filtered rows); bars: the flat test image (≈0.02 byte/pixel);
// dicom: the radiograph's pixels at 12 bits in an uncompressed DX file (Explicit VR LE), as a modality exports it.
const caseKind = String(args.case ?? 'radiograph');
const benchCase = makeCase(caseKind);
log(`Case: synthetic ${caseKind} ${width}×${height}, ${benchCase.name}, ${(benchCase.bytes.length / 1e6).toFixed(2)} MB; ${coldRuns} cold starts and ${cases} drops per backend.`);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const loadBefore = load();
const h = await startHarness(mode, dist);
const results: Record<string, Result> = {};
try {
  for (const backend of backends) {
    log(`${backend}:`);
    results[backend] = await benchBackend(h, backend, benchCase);
    const r = results[backend];
    console.log(`${backend}: ${'skipped' in r ? `skipped — ${r.skipped}` : `cold start ${r.cold_start_ms} ms, load ${r.load_ms} ms, first inference ${r.first_inference_ms} ms, warm inference ${r.warm_inference_ms} ms, drop→result ${r.e2e_warm_ms} ms (first case ${r.e2e_first_case_ms} ms), tensor growth ${r.tensor_growth_100}, ${'switch_first_ms' in r ? `switch of reading ${r.switch_first_ms} ms first, ${r.switch_later_ms} later, ` : ''}heap ${r.heap_before_mb}→${r.heap_after_mb} MB; stages ${JSON.stringify(r.stages_ms)}`}`);
  }
} finally {
  await h.close();
}
const gpu = results.webgpu;
const adapter = typeof gpu?.adapter === 'string' ? gpu.adapter : '';
const wasm = results.wasm;
if (gpu && wasm && !('skipped' in gpu) && !('skipped' in wasm)) {
  const ratio = (k: string) => round((gpu[k] as number) / (wasm[k] as number), 2);
  console.log(
    `WebGPU/WASM (time ratio, >1 = WebGPU slower; WebGPU adapter: ${adapter || 'unknown'}${/swiftshader|fallback/i.test(adapter) ? ', a CPU emulation: a correctness check, not a speed claim' : ''}): ` +
      `warm inference ${ratio('warm_inference_ms')}, drop→result ${ratio('e2e_warm_ms')}, first inference ${ratio('first_inference_ms')}`,
  );
  gpu.over_wasm = { warm_inference: ratio('warm_inference_ms'), e2e_warm: ratio('e2e_warm_ms'), first_inference: ratio('first_inference_ms') };
}
console.log(`Machine: ${cpus().length} cores; load average (1, 5, 15 min) ${loadBefore} at the start, ${load()} at the end.`);
console.log(JSON.stringify(results));

function makeCase(kind: string): BenchCase {
  if (kind === 'radiograph') return pngCase(makeRadiographLikePng(width, height));
  if (kind === 'bars') return pngCase(syntheticHand(width, height, 0.5));
  if (kind === 'dicom') {
    const pixels = Uint16Array.from(radiographLikePixels(width, height), (v) => v * 16);
    const bytes = makeDicom({ rows: height, columns: width, bitsAllocated: 16, bitsStored: 12, highBit: 11, photometric: 'MONOCHROME2', pixels });
    return { bytes, name: 'case.dcm', type: 'application/dicom' };
  }
  throw new Error('--case is radiograph, bars or dicom.');
}
