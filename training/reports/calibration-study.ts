/**
 * Would recalibrating the estimates pay? Fits E[reference | estimate] as a piecewise-linear map on out-of-fold
 * estimates, cross-fitted (each case corrected by a map fitted without its fold), and prints MAE and the bias
 * by age band before and after, with the bias by band of the reference age and of the estimate.
 *   npm run --silent calibration-study -- --kfold runs/kfold-deep            (fold-k/validation-predictions.jsonl)
 *   npm run --silent calibration-study -- --predictions FILE [--folds 5]     (an `evaluate --predictions` output,
 *                                                                             split into seeded random folds)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../cli-args';
import { mulberry32, shuffleInPlace } from '../data/split';
import { readPredictionFile } from '../io/prediction-file';
import { figuresWithSubgroups } from '../metrics';
import { parsePredictionLines, type PredictionRow } from './compare-predictions';
import { biasByBand, crossFittedEstimates, type BandBias, type CalibrationRow } from './estimate-calibration';

const args = parseArgs(process.argv.slice(2), { kfold: 'string', predictions: 'string', folds: 'number', seed: 'number' });

function withSex(r: PredictionRow, where: string): PredictionRow & { male: boolean } {
  if (typeof r.male !== 'boolean') throw new Error(`${where}: case ${r.id} has no sex recorded.`);
  return r as PredictionRow & { male: boolean };
}

let rows: CalibrationRow[] = [];
let source: string;
if (args.kfold) {
  const dir = String(args.kfold);
  for (let k = 0; existsSync(join(dir, `fold-${k}`)); k++) {
    const fold = readPredictionFile(join(dir, `fold-${k}`));
    if (!fold) throw new Error(`${dir}/fold-${k} has no validation estimates (run kfold with --resume to read them from its checkpoint).`);
    rows.push(...fold.map((r) => ({ ...withSex(r, `${dir}/fold-${k}`), fold: k })));
  }
  source = `${dir}: out-of-fold estimates, each fold's own network`;
} else if (args.predictions) {
  const file = String(args.predictions);
  const folds = Number(args.folds ?? 5);
  const cases = shuffleInPlace(parsePredictionLines(readFileSync(file, 'utf8')).map((r) => withSex(r, file)), mulberry32(Number(args.seed ?? 1)));
  rows = cases.map((r, i) => ({ ...r, fold: i % folds }));
  source = `${file}: one model's estimates, cross-fitted over ${folds} seeded random folds`;
} else {
  throw new Error('Give --kfold <k-fold output folder> or --predictions <evaluate --predictions output>.');
}
if (rows.length < 50) throw new Error(`Only ${rows.length} estimates: too few to fit a calibration.`);

const truth = rows.map((r) => r.boneage);
const raw = rows.map((r) => r.predicted);
const twoYears = Array.from({ length: 11 }, (_, i) => 24 * i);
const f1 = (v: number) => v.toFixed(2);
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
const band = (b: BandBias) => (b.from === -Infinity ? `below ${b.to / 12} y` : b.to === Infinity ? `${b.from / 12} y and older` : `${b.from / 12}–${b.to / 12} y`);
const bandTable = (title: string, bands: BandBias[]) => [
  `| ${title} | n | bias (months) | MAE (months) |`, '|---|---:|---:|---:|',
  ...bands.map((b) => `| ${band(b)} | ${b.n} | ${signed(b.bias)} | ${f1(b.mae)} |`),
].join('\n');

console.log(`${rows.length} cases (${source})\n`);
console.log(bandTable('reference age', biasByBand(raw, truth, truth, twoYears)));
console.log();
console.log(bandTable('estimated age', biasByBand(raw, truth, raw, [-Infinity, ...twoYears.slice(1, -1), Infinity])));
console.log();

const MAPS: Array<{ name: string; knots: number[] }> = [
  { name: 'linear', knots: [] },
  { name: '4 knots (5, 10, 14, 17 y)', knots: [60, 120, 168, 204] },
  // Knots where every fold and sex has estimates on both sides (few estimates pass 18 y).
  { name: '7 knots (3, 6, 8, 10, 12, 14, 16 y)', knots: [36, 72, 96, 120, 144, 168, 192] },
];
const male = rows.map((r) => r.male);
// The card's own figures (training/metrics.ts): overall, and the bias of each band of reference age.
const summary = (est: number[]) => {
  const f = figuresWithSubgroups(est, truth, male);
  return { mae: f.mae_months, rmse: f.rmse_months, bias0to9: f.subgroups?.['all 0-9y']?.bias_months ?? NaN, bias10to18: f.subgroups?.['all 10-18y']?.bias_months ?? NaN };
};
const results = [{ name: 'none (as estimated)', bySex: false, ...summary(raw) }];
for (const m of MAPS) for (const bySex of [false, true]) results.push({ name: m.name, bySex, ...summary(crossFittedEstimates(rows, m.knots, bySex)) });
console.log('| map | per sex | MAE | RMSE | bias 0–9 y | bias 10–18 y |\n|---|---|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.bySex ? 'yes' : 'no'} | ${f1(r.mae)} | ${f1(r.rmse)} | ${signed(r.bias0to9)} | ${signed(r.bias10to18)} |`);
console.log(JSON.stringify({ n: rows.length, results }));
