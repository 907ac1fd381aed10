/**
 * Where a drop's time goes, function by function: records V8's CPU profile in the page over a few
 * warm drops of the bench case and prints the functions with the most self time.
 *
 *   npx vite build && npx tsx bench/profile-page.ts [--backend wasm --drops 10 --out profile.cpuprofile]
 *
 * The .cpuprofile opens in Chrome DevTools (Performance panel → Load profile).
 */
import { writeFileSync } from 'node:fs';
import { browserTestMode, startHarness } from '../test/browser/harness';
import { makeRadiographLikePng } from '../test/helpers/synthetic-radiograph';
import { parseArgs } from '../training/cli-args';
import { BACKENDS, dropCase, loadCase, open, pngCase, type Backend, type Drop } from './page-driver';
import { median, round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = parseArgs(process.argv.slice(2), { backend: 'string', drops: 'number', out: 'string', dist: 'string', width: 'number', height: 'number' });
const backend = String(args.backend ?? 'wasm') as Backend;
if (!(BACKENDS as readonly string[]).includes(backend)) throw new Error(`--backend is one of ${BACKENDS.join(', ')}.`);
const drops = Number(args.drops ?? 10);
const mode = browserTestMode();
if (mode !== 'run') process.exit(1);

const png = makeRadiographLikePng(Number(args.width ?? 2000), Number(args.height ?? 2500));
const h = await startHarness(mode, args.dist ? String(args.dist) : undefined); // --dist: e.g. a build made with --minify false, for readable names
try {
  const page = await open(h, backend, pngCase(png));
  await loadCase(page);
  for (let i = 0; i < 3; i++) await dropCase(page); // warm the JIT first
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const results: Drop[] = [];
  for (let i = 0; i < drops; i++) results.push(await dropCase(page));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  if (args.out) writeFileSync(String(args.out), JSON.stringify(profile));

  // Self time per function, summed over the samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`${backend}: ${drops} drops, median drop→result ${round(median(results.map((r) => r.e2e_ms)))} ms; profile ${round(total)} ms, per drop:`);
  for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${round(ms / drops, 2).toString().padStart(8)} ms  ${name}`);
  }
  const stages = Object.keys(results[0].stages);
  console.log('stage medians (ms): ' + stages.map((s) => `${s} ${round(median(results.map((r) => r.stages[s])))}`).join(', '));
} finally {
  await h.close();
}
