/**
 * When each stage of a warm drop runs, relative to the drop event: the page's own stage measures
 * (`boneage:<stage>#<seq>`, src/perf/page-timings.ts), medians over the drops, in the order they start.
 * The gaps between them are the page's other work (React renders, the viewer's set-up, event turns).
 *
 *   npx vite build && npx tsx bench/timeline-page.ts [--backend wasm --drops 15 --dist dist]
 */
import { browserTestMode, startHarness } from '../test/browser/harness';
import { makeRadiographLikePng } from '../test/helpers/synthetic-radiograph';
import { parseArgs } from '../training/cli-args';
import { BACKENDS, dropCase, loadCase, open, pngCase, type Backend } from './page-driver';
import { median, round } from './stats';

const args = parseArgs(process.argv.slice(2), { backend: 'string', drops: 'number', dist: 'string' });
const backend = String(args.backend ?? 'wasm') as Backend;
if (!(BACKENDS as readonly string[]).includes(backend)) throw new Error(`--backend is one of ${BACKENDS.join(', ')}.`);
const drops = Number(args.drops ?? 15);
const mode = browserTestMode();
if (mode !== 'run') process.exit(1);

const h = await startHarness(mode, args.dist ? String(args.dist) : undefined);
try {
  const page = await open(h, backend, pngCase(makeRadiographLikePng(2000, 2500)));
  await loadCase(page);
  for (let i = 0; i < 3; i++) await dropCase(page); // warm the JIT first
  const spans = new Map<string, { start: number[]; end: number[] }>();
  const e2e: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < drops; i++) {
    const d = await dropCase(page);
    e2e.push(d.e2e_ms);
    frame.push(d.frame_ms);
    const measures = await page.evaluate((seq) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('boneage:') && m.name.endsWith(`#${seq}`)).map((m) => ({ name: m.name, start: m.startTime, duration: m.duration })), d.seq);
    for (const m of measures) {
      const stage = m.name.slice('boneage:'.length, m.name.lastIndexOf('#'));
      const s = spans.get(stage) ?? { start: [], end: [] };
      s.start.push(m.start - d.drop_at);
      s.end.push(m.start + m.duration - d.drop_at);
      spans.set(stage, s);
    }
  }
  const rows = [...spans.entries()].map(([stage, s]) => ({ stage, start: round(median(s.start)), end: round(median(s.end)), ms: round(median(s.end.map((e, k) => e - s.start[k]))) })).sort((a, b) => a.start - b.start);
  console.log(`${backend}: ${drops} warm drops, medians in ms from the drop event`);
  for (const r of rows) console.log(`${r.stage.padEnd(12)} ${String(r.start).padStart(7)} → ${String(r.end).padStart(7)}  (${r.ms})`);
  console.log(`${'result'.padEnd(12)} ${String(round(median(e2e))).padStart(17)}`);
  console.log(`${'frame'.padEnd(12)} ${String(round(median(frame))).padStart(17)}`);
  console.log(JSON.stringify({ backend, drops, e2e_ms: round(median(e2e)), frame_ms: round(median(frame)), stages: rows }));
} finally {
  await h.close();
}
