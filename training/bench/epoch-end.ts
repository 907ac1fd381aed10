/**
 * The end of a training epoch (precise BN over 1,280 training thumbnails, then the estimates of the validation
 * split) for the deep members' network, on the main thread alone and on N data-parallel workers (what `train
 * --workers N` does), alternated round by round in one process. Real thumbnails from ../shared/data (the split
 * `train` uses by default); the network is freshly initialised: this times the passes, not a model.
 *   npm run --silent bench:epoch-end -- [--rounds 2] [--workers 2] [--layers "24x3p,…"]
 * Last line: {"serial_median_s","workers_median_s","ratio",…}; also checks that both give the same estimates.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildBoNet, DEFAULT_BONET, THUMBNAIL_INPUT } from '../../core/model';
import type { OutputSpec } from '../../core/model/types';
import { parseArgs } from '../cli-args';
import { loadPlaneSet, readLabels } from '../data/rsna';
import { stratifiedSplit } from '../data/split';
import { parseLayers } from '../layers-spec';
import { DataParallel } from '../parallel/data-parallel';
import { recalibrateBatchNormWith } from '../precise-bn';
import { initTrainingRuntime } from '../runtime';
import { CALIBRATION_IMAGES, predictOn, recalibrateOn } from '../validate';

const args = parseArgs(process.argv.slice(2), { rounds: 'number', workers: 'number', layers: 'string', data: 'string' });
const rounds = Number(args.rounds ?? 2);
const workers = Number(args.workers ?? 2);
const layers = String(args.layers ?? '24x3p,48x3,48x3p,96x3,96x3p,192x3,192x3');
const dataDir = String(args.data ?? '../shared/data/rsna-bone-age');
const csv = join(dataDir, 'boneage-training-dataset.csv');
if (!existsSync(csv)) {
  console.log(`bench:epoch-end skipped: no ${csv} (the RSNA thumbnails in ../shared/data; see its README).`);
  process.exit(0);
}
await initTrainingRuntime('wasm');
const spec = THUMBNAIL_INPUT;
const cases = readLabels(csv);
const split = stratifiedSplit(cases, 42, 0.15);
const byId = new Map(cases.map((c) => [c.id, c]));
const train = loadPlaneSet(join(dataDir, 'boneage-training-dataset'), split.train.slice(0, CALIBRATION_IMAGES).map((id) => byId.get(id)!), spec, 'load calibration', true);
const val = loadPlaneSet(join(dataDir, 'boneage-training-dataset'), split.validation.map((id) => byId.get(id)!), spec, 'load validation', true);
const config = { ...DEFAULT_BONET, convLayers: parseLayers(layers), sexHeads: true };
const output: OutputSpec = { unit: 'months', scale: 40, offset: 127, reduce: 'mean', bySex: true };
const net = buildBoNet(config, 1);
const dp = await DataParallel.start(workers, config, 1);
await dp.hold('calibration', train.x, train.male, train.months.length, spec.height, spec.width);
await dp.hold('validation', val.x, val.male, val.months.length, spec.height, spec.width);

const times: Record<'serial' | 'workers', number[]> = { serial: [], workers: [] };
let maxDiff = 0;
for (let r = 0; r < rounds; r++) {
  // Alternate which goes first, so neither always follows the other.
  const order = r % 2 === 0 ? (['serial', 'workers'] as const) : (['workers', 'serial'] as const);
  const preds: Partial<Record<'serial' | 'workers', Float32Array>> = {};
  for (const how of order) {
    const t = performance.now();
    if (how === 'serial') {
      recalibrateOn(net, train, spec);
      preds.serial = await predictOn(net, val, spec, output);
    } else {
      await recalibrateBatchNormWith(net, (k) => dp.batchNormSums(net, 'calibration', k));
      preds.workers = await dp.predict(net, 'validation', spec, output);
    }
    times[how].push((performance.now() - t) / 1000);
  }
  preds.serial!.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - preds.workers![i]))));
}
await dp.stop();
const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
};
const [serial, parallel] = [median(times.serial), median(times.workers)];
process.stderr.write(`serial s: ${times.serial.map((t) => t.toFixed(1)).join(' ')}\nworkers s: ${times.workers.map((t) => t.toFixed(1)).join(' ')}\n`);
console.log(JSON.stringify({ workload: 'epoch end (precise BN over 1,280 + validation estimates)', layers, calibration: train.months.length, validation: val.months.length, workers, rounds, serial_median_s: +serial.toFixed(1), workers_median_s: +parallel.toFixed(1), ratio: +(parallel / serial).toFixed(3), max_estimate_diff_months: maxDiff }));
