/**
 * Evaluates a model folder on any RSNA-style CSV (`id,boneage,male`) and images `<dir>/<id>.png` of any
 * size, through exactly the page's pipeline (decodeImage → preprocess per the model card → BoneAgeModel).
 *   npm run --silent evaluate -- --model public/models/<name> --csv <file> --images <dir>
 *     [--split <split.json>]  only the ids in its `validation` list (the model's held-out cases)
 *     [--predictions]         also print one JSON line per case before the summary
 *     [--table]               also print the subgroup table (sex × age band, markdown) before the summary
 *     [--resample area-average|nearest-floor-center]  override the card's input resampling
 *     [--tta axis1|grid1|none] override the card's test-time augmentation (output.tta; the mean over shifted
 *                             copies of the input plane, core/uncertainty/tta-estimate.ts): axis1 = the plane and its
 *                             ±1 px axis shifts (5 passes), grid1 = 3×3 ±1 px (9), none = one pass
 * Each case is estimated with its sex from the CSV's male column (what a model with sex channels reads);
 *     [--without-sex]         read every case as if its sex were not given (the mean of both readings)
 *     [--record-validation]   write the figures (with subgroups) into the model folder's card as its validation
 *     [--record-check <name>] write them into the card's `checks` under that name (e.g. the full-resolution set)
 *     [--careful axis1|grid1] read with that TTA as the card's careful reading (core/model/reading-mode.ts, the
 *                             page's on-demand reading); with --record-* the figures go into the card's
 *                             `careful` block (--record-validation creates it), not its own
 * Progress goes to stderr; the last line on stdout is one JSON object.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoneAgeModel } from '../core/model';
import { decodeImage } from '../core/pipeline/decode';
import { TTA_SHIFT_SETS } from '../core/uncertainty/tta-estimate';
import { parseArgs, parseTtaOption } from './cli-args';
import { readLabels } from './data/rsna';
import { loadModelFolder, readModelCard } from './io/model-files';
import { recordCheck } from './io/card-checks';
import { cellErrorSummary, cellWeightSummary, figuresWithSubgroups } from './metrics';
import { subgroupTable } from './subgroup-table';
import { ProgressBar } from './progress';
import { initTrainingRuntime } from './runtime';

const args = parseArgs(process.argv.slice(2), { model: 'string', csv: 'string', images: 'string', backend: 'string', predictions: 'boolean', split: 'string', table: 'boolean', resample: 'string', tta: 'string', 'without-sex': 'boolean', 'record-validation': 'boolean', 'record-check': 'string', careful: 'string' });
for (const k of ['model', 'csv', 'images']) if (!args[k]) throw new Error(`--${k} is required. Usage: evaluate --model <dir> --csv <file> --images <dir>`);
const backend = await initTrainingRuntime((args.backend as string) ?? 'wasm');
const dir = String(args.model);
const card = readModelCard(dir);
if (args.resample) card.input = { ...card.input, resample: String(args.resample) as typeof card.input.resample };
const onDisk = readModelCard(dir);
const careful = args.careful === undefined ? undefined : parseTtaOption(String(args.careful));
if (args.careful !== undefined && (careful === undefined || args.tta !== undefined || onDisk.output.tta)) {
  throw new Error('--careful needs a TTA (axis1 or grid1), no --tta, and a card that reads in one pass (the careful reading is its slower alternative).');
}
if (args.tta !== undefined) card.output = { ...card.output, tta: parseTtaOption(String(args.tta)) };
if (careful) card.output = { ...card.output, tta: careful };
const passes = card.output.tta ? TTA_SHIFT_SETS[card.output.tta].length : 1;
const recording = Boolean(args['record-validation'] || args['record-check']);
if (recording && (card.input.resample !== onDisk.input.resample || (!careful && card.output.tta !== onDisk.output.tta))) {
  throw new Error('--record-*: --resample/--tta differ from the card, which would then not describe how the page reads the model. Set them on the card first (ship --resample/--tta).');
}
if (recording && careful && args['record-check'] && !args['record-validation'] && onDisk.careful?.tta !== careful) {
  throw new Error(`--record-check --careful ${careful}: the card has no careful reading with that TTA; record its validation first (--record-validation --careful ${careful}).`);
}
const model = new BoneAgeModel(await loadModelFolder(dir), card);
let cases = readLabels(String(args.csv));
if (args.split) {
  const held = new Set<string>(JSON.parse(readFileSync(String(args.split), 'utf8')).validation);
  cases = cases.filter((c) => held.has(c.id));
}
if (cases.length === 0) throw new Error('No cases to evaluate.');
const preds: number[] = [];
const maps: Float32Array[] = [];
const weights: Float32Array[] = [];
const bar = new ProgressBar('evaluate', cases.length);
const rows: Array<{ id: string; boneage: number; predicted: number; male: boolean }> = [];
for (const [i, c] of cases.entries()) {
  const bytes = new Uint8Array(readFileSync(join(String(args.images), `${c.id}.png`)));
  const img = await decodeImage(bytes, `${c.id}.png`);
  const sex = args['without-sex'] ? null : c.male ? 'male' : 'female';
  const { boneAgeMonths, map } = await model.estimate(img, sex);
  preds.push(boneAgeMonths);
  maps.push(map.months);
  if (map.weights) weights.push(map.weights);
  rows.push({ id: c.id, boneage: c.boneAgeMonths, predicted: Math.round(boneAgeMonths * 100) / 100, male: c.male });
  if (i % 100 === 0) bar.update(i + 1, '');
}
bar.done('');
if (args.predictions) for (const r of rows) console.log(JSON.stringify(r));
const truth = cases.map((c) => c.boneAgeMonths);
const { subgroups, ...overall } = figuresWithSubgroups(preds, truth, cases.map((c) => c.male));
const figures = { ...overall, cell_mae_months: cellErrorSummary(maps, truth) };
if (args.table) console.log(subgroupTable(figures, subgroups!));
// A weighted model: how concentrated its learned cell weights are (printed, not recorded in the card).
const cellWeights = weights.length === cases.length ? { cell_weights: cellWeightSummary(weights) } : {};
console.log(JSON.stringify({ ...figures, ...cellWeights, model: card.name, backend, subgroups, resample: card.input.resample, sexGiven: !args['without-sex'], tta: card.output.tta ?? 'none', passesPerCase: passes, ...(careful ? { reading: 'careful' } : {}) }));

if (args['record-validation'] || args['record-check']) {
  // The card as written on disk (not the --resample override), with the measured figures added.
  const path = join(dir, 'model-card.json');
  const measured = { ...figures, subgroups };
  const how = `${cases.length} cases of ${String(args.csv).split('/').slice(-2).join('/')}${args.split ? ' (validation split)' : ''}, through the page's pipeline (${card.input.resample}${card.output.tta ? `, TTA ${card.output.tta}` : ''}), each read with ${args['without-sex'] ? 'no sex' : 'its own sex'}; measured ${new Date().toISOString().slice(0, 10)} by training/evaluate.ts`;
  if (args['record-validation']) {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as typeof card;
    // A careful reading with another TTA than the recorded one starts afresh (its checks and interval were another reading's).
    if (careful) raw.careful = { ...(raw.careful?.tta === careful ? raw.careful : {}), tta: careful, validation: measured };
    else raw.validation = measured;
    writeFileSync(path, JSON.stringify(raw, null, 2) + '\n');
  }
  if (args['record-check']) recordCheck(dir, { name: String(args['record-check']), figures: measured, note: how }, careful ? 'careful' : 'standard');
  process.stderr.write(`recorded in ${path}\n`);
}
