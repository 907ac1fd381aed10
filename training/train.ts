/**
 * Trains BoNet on an RSNA-layout folder and writes a model folder the page loads as is.
 *   npm run train -- --data ../shared/data/rsna-bone-age --out runs/bonet --epochs 8
 * See training/README.md for every option.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildBoNet, DEFAULT_BONET, mapSideFor, THUMBNAIL_INPUT } from '../core/model';
import type { BoNetConfig, ModelCard, OutputSpec, ValidationFigures, WeightFile } from '../core/model/types';
import { parseArgs } from './cli-args';
import { formatLayers, parseLayers } from './layers-spec';
import { loadPlaneSet, readLabels } from './data/rsna';
import { labelRange } from '../core/model/training-range';
import { mulberry32, shuffleInPlace, stratifiedSplit } from './data/split';
import { shiftedCopy } from './data/augment';
import { atomicFolder, loadModelFolder, recoverAtomicFolder, saveModelFolder, writeModelCard } from './io/model-files';
import { ProgressBar } from './progress';
import { mapMeanLoss } from './loss';
import { DataParallel } from './parallel/data-parallel';
import { initTrainingRuntime } from './runtime';
import { recalibrateOn, validateOn } from './validate';
import { cosineWithWarmup } from './schedule';

const args = parseArgs(process.argv.slice(2), {
  data: 'string', out: 'string', name: 'string', epochs: 'number', batch: 'number', lr: 'number', seed: 'number',
  'val-fraction': 'number', limit: 'number', shift: 'number', 'deform-after': 'number', 'no-batchnorm': 'boolean',
  backend: 'string', resume: 'boolean', workers: 'number', sex: 'boolean', layers: 'string', 'head-filters': 'number',
});
const dataDir = String(args.data ?? '../shared/data/rsna-bone-age');
const name = String(args.name ?? 'bonet-rsna100');
const outDir = String(args.out ?? join('runs', name));
const epochs = Number(args.epochs ?? 8);
const batchSize = Number(args.batch ?? 32);
const peakLr = Number(args.lr ?? 2e-3);
const seed = Number(args.seed ?? 42);
const valFraction = Number(args['val-fraction'] ?? 0.15);
const maxShift = Number(args.shift ?? 6);
const workers = Number(args.workers ?? 1);
const spec = THUMBNAIL_INPUT;
const config: BoNetConfig = {
  ...DEFAULT_BONET,
  deformAfter: args['deform-after'] === undefined ? DEFAULT_BONET.deformAfter : Number(args['deform-after']),
  batchNorm: args['no-batchnorm'] ? false : DEFAULT_BONET.batchNorm,
  ...(args.layers ? { convLayers: parseLayers(String(args.layers)) } : {}),
  ...(args['head-filters'] ? { head: { ...DEFAULT_BONET.head, filters: Number(args['head-filters']) } } : {}),
  ...(args.sex ? { sexHeads: true } : {}),
};

const log = (s: string) => process.stderr.write(s + '\n');
const started = Date.now();
const backend = await initTrainingRuntime(args.backend as string | undefined);
log(`runtime: ${backend}`);

// ---- data and split ------------------------------------------------------------------------
const csv = join(dataDir, 'boneage-training-dataset.csv');
const imagesDir = join(dataDir, 'boneage-training-dataset');
if (!existsSync(csv)) throw new Error(`No ${csv}: --data must be an RSNA-layout folder.`);
let cases = readLabels(csv);
if (args.limit) cases = shuffleInPlace(cases.slice().sort((a, b) => a.id.localeCompare(b.id)), mulberry32(seed)).slice(0, Number(args.limit));
const split = stratifiedSplit(cases, seed, valFraction);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'split.json'), JSON.stringify({ seed, validationFraction: valFraction, data: dataDir, ...split }) + '\n');
const byId = new Map(cases.map((c) => [c.id, c]));
const plane = spec.width * spec.height;

const train = loadPlaneSet(imagesDir, split.train.map((id) => byId.get(id)!), spec, 'load train');
const val = loadPlaneSet(imagesDir, split.validation.map((id) => byId.get(id)!), spec, 'load valid');
const trainAges = train.months;
const meanAge = trainAges.reduce((a, b) => a + b, 0) / trainAges.length;
const stdAge = Math.sqrt(trainAges.reduce((a, b) => a + (b - meanAge) ** 2, 0) / trainAges.length);
const output: OutputSpec = { unit: 'months', scale: round(stdAge, 4), offset: round(meanAge, 4), reduce: 'mean', ...(config.sexHeads ? { bySex: true } : {}) };
log(`train ${train.months.length}, validation ${val.months.length}; target mean ${meanAge.toFixed(1)} sd ${stdAge.toFixed(1)} months`);

// ---- model, optimizer, resume --------------------------------------------------------------
const ckptDir = join(outDir, 'checkpoint');
let net: tfl.LayersModel;
const optimizer = tf.train.adam(peakLr);
// tfjs reads the learning rate on every step but declares it protected; the schedule sets it.
const lr = optimizer as unknown as { learningRate: number };
let state = { epoch: 0, step: 0, bestMae: Infinity, history: [] as Array<Record<string, number>> };
if (args.resume && recoverAtomicFolder(ckptDir)) log('checkpoint: a kill interrupted the last save; resuming from the one before it');
if (args.resume && existsSync(join(ckptDir, 'state.json'))) {
  net = await loadModelFolder(ckptDir);
  // Checkpoints written before dropout lost its seed would otherwise drop the same units every step.
  for (const l of net.layers) if (l.getClassName() === 'Dropout') (l as unknown as { seed?: number }).seed = undefined;
  state = JSON.parse(readFileSync(join(ckptDir, 'state.json'), 'utf8'));
  const opt = JSON.parse(readFileSync(join(ckptDir, 'optimizer.json'), 'utf8')) as tf.io.WeightsManifestEntry[];
  const buf = readFileSync(join(ckptDir, 'optimizer.bin'));
  const named = tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), opt);
  await optimizer.setWeights(opt.map((s) => ({ name: s.name, tensor: named[s.name] })));
  tf.dispose(Object.values(named)); // the optimizer made its own variables from them
  log(`resumed after epoch ${state.epoch} (step ${state.step}, best MAE ${state.bestMae.toFixed(2)})`);
} else {
  net = buildBoNet(config, seed);
}
const mapSide = mapSideFor(100, config.convLayers, config.head.kernel);
log(`BoNet ${formatLayers(config.convLayers)}${config.sexHeads ? ' + sex heads' : ''}: ${net.countParams()} parameters, ${mapSide}×${mapSide} map on 100×100`);

const stepsPerEpoch = Math.floor(train.months.length / batchSize);
const totalSteps = stepsPerEpoch * epochs;
const card = (validation: ValidationFigures, weights: WeightFile[]): ModelCard => ({
  name, version: '1', created: new Date().toISOString().slice(0, 10),
  description: `BoNet-style fully-convolutional bone-age regressor (Spampinato et al. 2017) trained on RSNA 100×100 thumbnails; ${config.sexHeads ? 'sex-specific output channels (the child\'s sex picks the last layer)' : 'no sex input'}.`,
  intendedUse: 'Research on automated skeletal bone-age assessment from left-hand radiographs. Not a medical device; not for clinical decisions.',
  limitations: [
    'Trained and validated on 100×100 thumbnails of the RSNA Pediatric Bone Age training set (one population, one reference standard).',
    config.sexHeads
      ? 'Reads the child\'s sex; when it is not given, the estimate is the mean of the boy and girl readings and is marked so.'
      : 'Does not use the child\'s sex; bone-age standards are sex-specific.',
    'Expects a left-hand PA radiograph cropped roughly to the hand; the page checks the input with a separate quality-control model (public/models/qc-hand).',
  ],
  architecture: { ...config, parameters: net.countParams(), mapCellsFor100: [mapSide, mapSide] },
  input: spec, output,
  training: {
    data: `RSNA Pediatric Bone Age training set, 100×100 thumbnails (${cases.length} labelled cases)`,
    split: { seed, validationFraction: valFraction, train: split.train.length, validation: split.validation.length, splitFile: 'split.json' },
    epochs: state.epoch, batchSize, optimizer: `Adam, peak lr ${peakLr}, linear warm-up then cosine decay; BatchNorm statistics recomputed over 1,280 training images after each epoch (precise BN)`,
    augmentation: `random integer shift up to ±${maxShift} px (edge-replicated)`,
    workers,
    labelRangeMonths: labelRange(cases.map((c) => c.boneAgeMonths)),
    runtime: `TensorFlow.js ${tf.version_core} (${backend})`,
    durationSeconds: Math.round(state.history.reduce((a, h) => a + (h.seconds ?? 0), 0)),
  },
  validation,
  weights,
});

// ---- training loop --------------------------------------------------------------------------
// --workers N > 1: gradients on N worker threads (one wasm instance each), applied here.
const parallel = workers > 1 ? await DataParallel.start(workers, config, seed) : null;
if (parallel) log(`data-parallel over ${workers} worker threads`);
const rand = mulberry32(seed + 1000 * state.epoch);
const xBatch = new Float32Array(batchSize * plane);
const yBatch = new Float32Array(batchSize);
const maleBatch = new Float32Array(batchSize);
for (let epoch = state.epoch; epoch < epochs; epoch++) {
  const order = shuffleInPlace(Array.from(train.months.keys()), rand);
  const bar = new ProgressBar(`epoch ${epoch + 1}/${epochs}`, stepsPerEpoch);
  let lossSum = 0, aeSum = 0, seen = 0;
  const tensorsAtStart = tf.memory().numTensors;
  const epochStart = Date.now();
  for (let s = 0; s < stepsPerEpoch; s++) {
    for (let b = 0; b < batchSize; b++) {
      const i = order[s * batchSize + b];
      shiftedCopy(train.x.subarray(i * plane, (i + 1) * plane), spec.width, spec.height,
        Math.round((rand() * 2 - 1) * maxShift), Math.round((rand() * 2 - 1) * maxShift), xBatch.subarray(b * plane, (b + 1) * plane));
      yBatch[b] = (train.months[i] - meanAge) / stdAge;
      maleBatch[b] = train.male[i] ? 1 : 0;
    }
    lr.learningRate = cosineWithWarmup(state.step, totalSteps, peakLr);
    let l: number;
    let p: Float32Array;
    if (parallel) {
      const r = await parallel.gradients(net, xBatch, yBatch, maleBatch, spec.height, spec.width);
      optimizer.applyGradients(Object.entries(r.grads).map(([name, tensor]) => ({ name, tensor })));
      tf.dispose(Object.values(r.grads));
      [l, p] = [r.loss, r.pred];
    } else {
      const x = tf.tensor4d(xBatch, [batchSize, spec.height, spec.width, 1]);
      const y = tf.tensor1d(yBatch);
      const male = tf.tensor1d(maleBatch);
      let pred: tf.Tensor | undefined;
      const loss = optimizer.minimize(() => {
        const r = mapMeanLoss(net, x, y, male);
        pred = r.pred;
        return r.loss;
      }, true)!;
      [l, p] = [(await loss.data())[0], (await pred!.data()) as Float32Array];
      tf.dispose([x, y, male, loss, pred!]);
    }
    for (let b = 0; b < batchSize; b++) aeSum += Math.abs(p[b] - yBatch[b]) * stdAge;
    lossSum += l * batchSize;
    seen += batchSize;
    state.step++;
    bar.update(s + 1, `loss ${(lossSum / seen).toFixed(3)} MAE ${(aeSum / seen).toFixed(1)} mo lr ${lr.learningRate.toExponential(1)}`);
  }
  // Precise BN over 1,280 training images (fixed, unaugmented) before validating and saving.
  recalibrateOn(net, train, spec);
  const figures = await validateOn(net, val, spec, output);
  state.epoch = epoch + 1;
  state.history.push({ epoch: epoch + 1, seconds: Math.round((Date.now() - epochStart) / 1000), trainLoss: round(lossSum / seen, 4), trainMae: round(aeSum / seen, 2), valMae: figures.mae_months, tensors: tf.memory().numTensors, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  bar.done(`train MAE ${(aeSum / seen).toFixed(2)} | validation MAE ${figures.mae_months.toFixed(2)} RMSE ${figures.rmse_months.toFixed(2)} mo | tensors ${tensorsAtStart}→${tf.memory().numTensors}`);
  if (figures.mae_months < state.bestMae) {
    state.bestMae = figures.mae_months;
    await atomicFolder(join(outDir, 'model'), async (tmp) => {
      const weights = await saveModelFolder(net, tmp);
      writeModelCard(tmp, card(figures, weights));
      writeFileSync(join(tmp, 'split.json'), readFileSync(join(outDir, 'split.json')));
    });
    log(`  saved best model (validation MAE ${figures.mae_months}) to ${join(outDir, 'model')}`);
  }
  await atomicFolder(ckptDir, async (tmp) => {
    await saveModelFolder(net, tmp);
    const ow = await optimizer.getWeights();
    const enc = await tf.io.encodeWeights(ow);
    ow[0].tensor.dispose(); // 'iter': a fresh scalar per call; the rest are the optimizer's live variables
    writeFileSync(join(tmp, 'optimizer.bin'), new Uint8Array(tf.io.CompositeArrayBuffer.join(enc.data)));
    writeFileSync(join(tmp, 'optimizer.json'), JSON.stringify(enc.specs));
    writeFileSync(join(tmp, 'state.json'), JSON.stringify(state));
  });
}
await parallel?.stop();
writeFileSync(join(outDir, 'history.json'), JSON.stringify(state.history, null, 2) + '\n');
log(`done in ${Math.round((Date.now() - started) / 1000)} s; best validation MAE ${state.bestMae.toFixed(2)} months → ${join(outDir, 'model')}`);
// Peak resident memory of the whole process (worker threads included), as the OS counted it.
console.log(JSON.stringify({ model: join(outDir, 'model'), best_val_mae_months: state.bestMae, epochs: state.epoch, backend, batch: batchSize, workers, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));

function round(v: number, d: number): number {
  return Math.round(v * 10 ** d) / 10 ** d;
}
