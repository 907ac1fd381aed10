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
import { affineCopy, shiftedCopy } from './data/augment';
import { atomicFolder, loadModelFolder, readModelCard, recoverAtomicFolder, saveModelFolder, writeModelCard } from './io/model-files';
import { ProgressBar } from './progress';
import { mapMeanLoss } from './loss';
import { applyWeightDecay, decayedVariables } from './weight-decay';
import { DataParallel } from './parallel/data-parallel';
import { batchNormLayers, recalibrateBatchNormWith } from './precise-bn';
import { hasFusedBatchNormTraining } from './kernels/batch-norm-train';
import { useFusedBatchNormTraining } from './kernels/fused-batch-norm-layer';
import { initTrainingRuntime } from './runtime';
import { CALIBRATION_IMAGES, figuresOn, predictOn, recalibrateOn } from './validate';
import { PREDICTIONS_FILE, writePredictionFile } from './io/prediction-file';
import { historySeconds } from './io/run-progress';
import { cosineWithWarmup, inverseTimeDecay } from './schedule';
import { describeAugmentation, describeOptimizer, resolveRecipe } from './protocol';
import { cropPlane, latticeCropOffsets } from './data/crops';
import { foldSplit, stratifiedFolds } from './data/folds';
import { fitKernelBank, type KernelFit, type KernelLayout, readKernelBankFile } from './init-kernels';
import { resumeOptionDifferences, runDefiningOptions } from './resume-options';
import { stepSeed, withSeededMathRandom } from './step-random';

const args = parseArgs(process.argv.slice(2), {
  data: 'string', out: 'string', name: 'string', epochs: 'number', batch: 'number', lr: 'number', seed: 'number',
  'val-fraction': 'number', limit: 'number', shift: 'number', rotate: 'number', scale: 'number', 'deform-after': 'number', 'no-batchnorm': 'boolean',
  backend: 'string', resume: 'boolean', workers: 'number', sex: 'boolean', layers: 'string', 'head-filters': 'number',
  protocol: 'string', optimizer: 'string', momentum: 'number', schedule: 'string', 'lr-decay': 'number', crops: 'number',
  'crop-size': 'number', target: 'string', fold: 'number', folds: 'number', 'init-kernels': 'string', 'init-kernels-layout': 'string',
  'init-weights': 'string', 'keep-epochs': 'boolean', 'init-seed': 'number', 'cell-weights': 'boolean', loss: 'string', 'weight-decay': 'number',
  'fused-batchnorm': 'boolean',
});
const recipe = resolveRecipe(args);
const dataDir = String(args.data ?? '../shared/data/rsna-bone-age');
const name = String(args.name ?? 'bonet-rsna100');
const outDir = String(args.out ?? join('runs', name));
const epochs = Number(args.epochs ?? 8);
const batchSize = recipe.batch;
const peakLr = recipe.lr;
const seed = Number(args.seed ?? 42);
// --init-seed: another initialisation and sample order on the same split (replicates for a study).
const initSeed = Number(args['init-seed'] ?? seed);
const valFraction = Number(args['val-fraction'] ?? 0.15);
const maxShift = recipe.shift;
const workers = Number(args.workers ?? 1);
const spec = THUMBNAIL_INPUT;
const config: BoNetConfig = {
  ...DEFAULT_BONET,
  deformAfter: args['deform-after'] === undefined ? DEFAULT_BONET.deformAfter : Number(args['deform-after']),
  batchNorm: args['no-batchnorm'] ? false : DEFAULT_BONET.batchNorm,
  ...(args.layers ? { convLayers: parseLayers(String(args.layers)) } : {}),
  ...(args['head-filters'] ? { head: { ...DEFAULT_BONET.head, filters: Number(args['head-filters']) } } : {}),
  ...(args.sex ? { sexHeads: true } : {}),
  ...(args['cell-weights'] ? { cellWeights: true } : {}),
};

const log = (s: string) => process.stderr.write(s + '\n');
const started = Date.now();
const backend = await initTrainingRuntime(args.backend as string | undefined);
log(`runtime: ${backend}`);
// --fused-batchnorm: BatchNorm layers train on two fused wasm kernels (training/README "Training speed").
// Off by default: three one-epoch runs with it read worse than their twins, not yet understood.
useFusedBatchNormTraining(!!args['fused-batchnorm']);
const fusedBatchNorm = !!args['fused-batchnorm'] && hasFusedBatchNormTraining();
if (args['fused-batchnorm'] && !fusedBatchNorm) log(`--fused-batchnorm: the ${backend} backend has no fused BatchNorm kernels; its own BatchNorm is used.`);

// ---- data and split ------------------------------------------------------------------------
const csv = join(dataDir, 'boneage-training-dataset.csv');
const imagesDir = join(dataDir, 'boneage-training-dataset');
if (!existsSync(csv)) throw new Error(`No ${csv}: --data must be an RSNA-layout folder.`);
let cases = readLabels(csv);
if (args.limit) cases = shuffleInPlace(cases.slice().sort((a, b) => a.id.localeCompare(b.id)), mulberry32(seed)).slice(0, Number(args.limit));
// --folds K --fold k: validation = fold k of a seeded, stratified K-fold assignment (training/kfold.ts runs every k).
const kfold = args.folds === undefined ? null : { fold: Number(args.fold ?? 0), folds: Number(args.folds) };
if (args.fold !== undefined && !kfold) throw new Error('--fold needs --folds.');
const split = kfold ? foldSplit(stratifiedFolds(cases, kfold.folds, seed), kfold.fold) : stratifiedSplit(cases, seed, valFraction);
const splitFraction = kfold ? round(split.validation.length / cases.length, 4) : valFraction;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'split.json'), JSON.stringify({ seed, validationFraction: splitFraction, ...(kfold ?? {}), data: dataDir, ...split }) + '\n');
const byId = new Map(cases.map((c) => [c.id, c]));
const plane = spec.width * spec.height;

// With workers, the planes are shared with them (their epoch-end passes read them in place).
const train = loadPlaneSet(imagesDir, split.train.map((id) => byId.get(id)!), spec, 'load train', workers > 1);
const val = loadPlaneSet(imagesDir, split.validation.map((id) => byId.get(id)!), spec, 'load valid', workers > 1);
const trainAges = train.months;
const meanAge = trainAges.reduce((a, b) => a + b, 0) / trainAges.length;
const stdAge = Math.sqrt(trainAges.reduce((a, b) => a + (b - meanAge) ** 2, 0) / trainAges.length);
// The network regresses (months − offset) / scale: the standardised label by default, the label itself with --target months.
const [targetOffset, targetScale] = recipe.target === 'months' ? [0, 1] : [meanAge, stdAge];
const output: OutputSpec = { unit: 'months', scale: round(targetScale, 4), offset: round(targetOffset, 4), reduce: config.cellWeights ? 'weighted' : 'mean', ...(config.sexHeads ? { bySex: true } : {}) };
log(`train ${train.months.length}, validation ${val.months.length}; target mean ${meanAge.toFixed(1)} sd ${stdAge.toFixed(1)} months`);

// ---- model, optimizer, resume --------------------------------------------------------------
const ckptDir = join(outDir, 'checkpoint');
let kernelInit: Record<string, unknown> | null = null;
let weightsInit: Record<string, unknown> | null = null;
let net: tfl.LayersModel;
const optimizer = recipe.optimizer === 'adam' ? tf.train.adam(peakLr) : tf.train.momentum(peakLr, recipe.momentum);
// Adam reads its (protected) learning rate on every step; SGD/momentum caches it as a scalar that setLearningRate replaces.
const lr = optimizer as unknown as { learningRate: number };
// (Not instanceof: tfjs optimizers answer instanceof by duck typing, so Adam "is" a MomentumOptimizer.)
const setLr = (v: number) => (recipe.optimizer === 'momentum' ? (optimizer as tf.MomentumOptimizer).setLearningRate(v) : (lr.learningRate = v));
let state = { epoch: 0, step: 0, bestMae: Infinity, history: [] as Array<Record<string, number>>, initKernels: undefined as Record<string, unknown> | undefined, initWeights: undefined as Record<string, unknown> | undefined, options: runDefiningOptions(args) as Record<string, string | number | boolean> | undefined, adamBetaPowers: undefined as [number, number] | undefined };
if (args.resume && recoverAtomicFolder(ckptDir)) log('checkpoint: a kill interrupted the last save; resuming from the one before it');
if (args.resume && existsSync(join(ckptDir, 'state.json'))) {
  net = await loadModelFolder(ckptDir);
  // Checkpoints written before dropout lost its seed would otherwise drop the same units every step.
  for (const l of net.layers) if (l.getClassName() === 'Dropout') (l as unknown as { seed?: number }).seed = undefined;
  state = JSON.parse(readFileSync(join(ckptDir, 'state.json'), 'utf8'));
  if (!state.options) log('checkpoint: written before runs recorded their options; not checked against this command\'s');
  const changed = state.options ? resumeOptionDifferences(state.options, args) : [];
  if (changed.length) throw new Error(`--resume with options other than the run's own:\n  ${changed.join('\n  ')}\nResume with the first command's options, or start a new run (another --out; --init-weights to start from these weights).`);
  // A finished run takes no further step, so its checkpoint may be kept without the optimizer's state
  // (two thirds of its size: how finished k-fold folds are carried in the repository).
  const hasOptimizer = existsSync(join(ckptDir, 'optimizer.json'));
  if (!hasOptimizer && state.epoch < epochs) throw new Error(`--resume: ${ckptDir} has no optimizer state (optimizer.json, optimizer.bin), so it can only report a finished run; it stopped after epoch ${state.epoch} of ${epochs}.`);
  if (hasOptimizer) {
    const opt = JSON.parse(readFileSync(join(ckptDir, 'optimizer.json'), 'utf8')) as tf.io.WeightsManifestEntry[];
    const buf = readFileSync(join(ckptDir, 'optimizer.bin'));
    const named = tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), opt);
    await optimizer.setWeights(opt.map((s) => ({ name: s.name, tensor: named[s.name] })));
    // setWeights recomputes Adam's β powers as pow(β, t + 1), a few ulps off the running product: put back the saved ones
    // (in a tidy: the variable keeps the scalar's data, and the scalar itself would stay live, 2 tensors per resume).
    if (state.adamBetaPowers) tf.tidy(() => adamBetaPowers(optimizer).forEach((v, i) => v.assign(tf.scalar(state.adamBetaPowers![i]))));
    tf.dispose(Object.values(named)); // the optimizer made its own variables from them
  }
  kernelInit = state.initKernels ?? null;
  weightsInit = state.initWeights ?? null;
  log(`resumed after epoch ${state.epoch} (step ${state.step}, best MAE ${state.bestMae.toFixed(2)})`);
} else {
  net = buildBoNet(config, initSeed);
  if (args['init-kernels']) state.initKernels = initFirstLayer(String(args['init-kernels']));
  if (args['init-weights']) state.initWeights = weightsInit = await initFromModel(String(args['init-weights']));
}
const mapSide = mapSideFor(100, config.convLayers, config.head.kernel);
log(`BoNet ${formatLayers(config.convLayers)}${config.sexHeads ? ' + sex heads' : ''}${config.cellWeights ? ' + cell weights' : ''}: ${net.countParams()} parameters, ${mapSide}×${mapSide} map on 100×100`);

// With --crops N each image gives N samples (fixed, uniformly spaced crops); otherwise one (the whole image).
const crops = recipe.crops > 0 ? latticeCropOffsets(spec.width, spec.height, recipe.cropSize, recipe.cropSize, recipe.crops) : null;
const [sampleW, sampleH] = crops ? [recipe.cropSize, recipe.cropSize] : [spec.width, spec.height];
const samplePlane = sampleW * sampleH;
const samplesPerEpoch = train.months.length * (crops?.length ?? 1);
const stepsPerEpoch = Math.floor(samplesPerEpoch / batchSize);
if (stepsPerEpoch < 1) throw new Error(`${samplesPerEpoch} training samples make no batch of ${batchSize}.`);
log(`${recipe.protocol === 'paper' ? 'protocol paper: ' : ''}${describeOptimizer(recipe)}; augmentation: ${describeAugmentation(recipe, spec.width, spec.height)}; ${stepsPerEpoch} steps of ${batchSize} per epoch`);
const totalSteps = stepsPerEpoch * epochs;
/** The card's training section also records what the lead's ModelCard type has no field for (yet). */
type TrainedCard = ModelCard & { training: ModelCard['training'] & { protocol?: string; target?: string; crossValidation?: { fold: number; folds: number }; initSeed?: number; initKernels?: Record<string, unknown>; initWeights?: Record<string, unknown>; fusedBatchNorm?: boolean } };
const card = (validation: ValidationFigures, weights: WeightFile[]): TrainedCard => ({
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
    split: { seed, validationFraction: splitFraction, train: split.train.length, validation: split.validation.length, splitFile: 'split.json' },
    epochs: state.epoch, batchSize, optimizer: describeOptimizer(recipe),
    augmentation: describeAugmentation(recipe, spec.width, spec.height),
    ...(recipe.protocol === 'paper' ? { protocol: 'paper (Spampinato et al. 2017, §4.2)' } : {}),
    ...(recipe.target === 'months' ? { target: 'months' } : {}),
    ...(kfold ? { crossValidation: kfold } : {}),
    ...(initSeed !== seed ? { initSeed } : {}),
    ...(kernelInit ? { initKernels: kernelInit } : {}),
    ...(weightsInit ? { initWeights: weightsInit } : {}),
    ...(fusedBatchNorm ? { fusedBatchNorm } : {}),
    workers,
    labelRangeMonths: labelRange(cases.map((c) => c.boneAgeMonths)),
    runtime: `TensorFlow.js ${tf.version_core} (${backend})`,
    durationSeconds: historySeconds(state.history),
  },
  validation,
  weights,
});

// ---- training loop --------------------------------------------------------------------------
// --workers N > 1: gradients on N worker threads (one wasm instance each), applied here.
const parallel = workers > 1 ? await DataParallel.start(workers, config, initSeed, 'bonet', recipe.loss, fusedBatchNorm) : null;
if (parallel) log(`data-parallel over ${workers} worker threads`);
// The epoch's end (precise BN, validation) on the workers too: each keeps its share of both sets for the run.
const hasBatchNorm = batchNormLayers(net).length > 0;
if (parallel && hasBatchNorm) await parallel.hold('calibration', train.x, train.male, Math.min(CALIBRATION_IMAGES, train.months.length), spec.height, spec.width);
if (parallel) await parallel.hold('validation', val.x, val.male, val.months.length, spec.height, spec.width);
const decayed = decayedVariables(net.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val));
const validationRows = (preds: Float32Array) => split.validation.map((id, i) => ({ id, boneage: val.months[i], predicted: preds[i], male: val.male[i] }));
const xBatch = new Float32Array(batchSize * samplePlane);
const cropBuf = new Float32Array(samplePlane);
const yBatch = new Float32Array(batchSize);
const maleBatch = new Float32Array(batchSize);
for (let epoch = state.epoch; epoch < epochs; epoch++) {
  // Seeded per epoch, so that a resumed run draws the same order and augmentation as one never interrupted.
  const rand = mulberry32(initSeed + 1000 * epoch);
  const order = shuffleInPlace(Array.from({ length: samplesPerEpoch }, (_, k) => k), rand);
  const bar = new ProgressBar(`epoch ${epoch + 1}/${epochs}`, stepsPerEpoch);
  let lossSum = 0, aeSum = 0, seen = 0;
  const tensorsAtStart = tf.memory().numTensors;
  const epochStart = Date.now();
  for (let s = 0; s < stepsPerEpoch; s++) {
    for (let b = 0; b < batchSize; b++) {
      const sample = order[s * batchSize + b];
      const i = crops ? Math.floor(sample / crops.length) : sample;
      let src = train.x.subarray(i * plane, (i + 1) * plane);
      if (crops) src = cropPlane(src, spec.width, crops[sample % crops.length].x, crops[sample % crops.length].y, sampleW, sampleH, cropBuf);
      const dx = Math.round((rand() * 2 - 1) * maxShift), dy = Math.round((rand() * 2 - 1) * maxShift);
      const dst = xBatch.subarray(b * samplePlane, (b + 1) * samplePlane);
      // Rotation and scale draw their own numbers only when asked for, so runs without them replay as before.
      if (recipe.rotate > 0 || recipe.scale > 0) {
        const angle = recipe.rotate > 0 ? (rand() * 2 - 1) * recipe.rotate * Math.PI / 180 : 0;
        const scale = recipe.scale > 0 ? 1 + (rand() * 2 - 1) * recipe.scale : 1;
        affineCopy(src, sampleW, sampleH, { angle, scale, dx, dy }, dst);
      } else shiftedCopy(src, sampleW, sampleH, dx, dy, dst);
      yBatch[b] = (train.months[i] - targetOffset) / targetScale;
      maleBatch[b] = train.male[i] ? 1 : 0;
    }
    const stepLr = recipe.schedule === 'cosine' ? cosineWithWarmup(state.step, totalSteps, peakLr) : inverseTimeDecay(state.step, peakLr, recipe.decay);
    setLr(stepLr);
    let l: number;
    let p: Float32Array;
    if (parallel) {
      const r = await parallel.gradients(net, xBatch, yBatch, maleBatch, sampleH, sampleW, (k) => stepSeed(initSeed, state.step, k));
      optimizer.applyGradients(Object.entries(r.grads).map(([name, tensor]) => ({ name, tensor })));
      tf.dispose(Object.values(r.grads));
      [l, p] = [r.loss, r.pred];
    } else {
      const x = tf.tensor4d(xBatch, [batchSize, sampleH, sampleW, 1]);
      const y = tf.tensor1d(yBatch);
      const male = tf.tensor1d(maleBatch);
      let pred: tf.Tensor | undefined;
      const loss = withSeededMathRandom(stepSeed(initSeed, state.step, 0), () => optimizer.minimize(() => {
        const r = mapMeanLoss(net, x, y, male, recipe.loss);
        pred = r.pred;
        return r.loss;
      }, true)!);
      [l, p] = [(await loss.data())[0], (await pred!.data()) as Float32Array];
      tf.dispose([x, y, male, loss, pred!]);
    }
    applyWeightDecay(decayed, stepLr, recipe.weightDecay);
    for (let b = 0; b < batchSize; b++) aeSum += Math.abs(p[b] - yBatch[b]) * targetScale;
    if (!Number.isFinite(l)) throw new Error(`Training diverged: loss ${l} at step ${state.step + 1} (lr ${lr.learningRate}). Lower --lr, or keep the standardised target.`);
    lossSum += l * batchSize;
    seen += batchSize;
    state.step++;
    bar.update(s + 1, `loss ${(lossSum / seen).toFixed(3)} MAE ${(aeSum / seen).toFixed(1)} mo lr ${lr.learningRate.toExponential(1)}`);
  }
  // Precise BN over 1,280 training images (fixed, unaugmented) before validating and saving.
  let valPreds: Float32Array;
  if (parallel) {
    if (hasBatchNorm) await recalibrateBatchNormWith(net, (k) => parallel.batchNormSums(net, 'calibration', k));
    valPreds = await parallel.predict(net, 'validation', spec, output);
  } else {
    recalibrateOn(net, train, spec);
    valPreds = await predictOn(net, val, spec, output);
  }
  const figures = figuresOn(valPreds, val);
  state.epoch = epoch + 1;
  state.history.push({ epoch: epoch + 1, seconds: Math.round((Date.now() - epochStart) / 1000), trainLoss: round(lossSum / seen, 4), trainMae: round(aeSum / seen, 2), valMae: figures.mae_months, tensors: tf.memory().numTensors, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  bar.done(`train MAE ${(aeSum / seen).toFixed(2)} | validation MAE ${figures.mae_months.toFixed(2)} RMSE ${figures.rmse_months.toFixed(2)} mo | tensors ${tensorsAtStart}→${tf.memory().numTensors}`);
  const saveModel = (dir: string) =>
    atomicFolder(dir, async (tmp) => {
      const weights = await saveModelFolder(net, tmp);
      writeModelCard(tmp, card(figures, weights));
      writeFileSync(join(tmp, 'split.json'), readFileSync(join(outDir, 'split.json')));
    });
  if (figures.mae_months < state.bestMae) {
    state.bestMae = figures.mae_months;
    await saveModel(join(outDir, 'model'));
    log(`  saved best model (validation MAE ${figures.mae_months}) to ${join(outDir, 'model')}`);
  }
  // Before the checkpoint: a kill between the two leaves this epoch to be redone, never a stale file.
  writePredictionFile(outDir, validationRows(valPreds));
  // --keep-epochs: every epoch's weights as a model folder of its own, for `average` over the last few.
  if (args['keep-epochs']) await saveModel(join(outDir, `ckpt-${state.epoch}`));
  await atomicFolder(ckptDir, async (tmp) => {
    await saveModelFolder(net, tmp);
    const ow = await optimizer.getWeights();
    const enc = await tf.io.encodeWeights(ow);
    ow[0].tensor.dispose(); // 'iter': a fresh scalar per call; the rest are the optimizer's live variables
    writeFileSync(join(tmp, 'optimizer.bin'), new Uint8Array(tf.io.CompositeArrayBuffer.join(enc.data)));
    writeFileSync(join(tmp, 'optimizer.json'), JSON.stringify(enc.specs));
    if (recipe.optimizer === 'adam') state.adamBetaPowers = adamBetaPowers(optimizer).map((v) => v.dataSync()[0]) as [number, number];
    writeFileSync(join(tmp, 'state.json'), JSON.stringify(state));
  });
}
await parallel?.stop();
// A run finished before runs kept their validation estimates: read them once from the last checkpoint.
if (!existsSync(join(outDir, PREDICTIONS_FILE)) && state.epoch > 0) {
  const valPreds = await predictOn(net, val, spec, output);
  writePredictionFile(outDir, validationRows(valPreds));
  log(`validation estimates of epoch ${state.epoch} read from the checkpoint: MAE ${figuresOn(valPreds, val).mae_months} (recorded ${state.history[state.history.length - 1]?.valMae})`);
}
writeFileSync(join(outDir, 'history.json'), JSON.stringify(state.history, null, 2) + '\n');
log(`done in ${Math.round((Date.now() - started) / 1000)} s; best validation MAE ${state.bestMae.toFixed(2)} months → ${join(outDir, 'model')}`);
const last = state.history[state.history.length - 1];
// Peak resident memory of the whole process (worker threads included), as the OS counted it.
console.log(JSON.stringify({ model: join(outDir, 'model'), best_val_mae_months: state.bestMae, last_val_mae_months: last?.valMae, epochs: state.epoch, backend, batch: batchSize, workers, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...(kfold ?? {}) }));

/** --init-kernels: conv1's kernel from a bank file (see training/init-kernels.ts), recorded on the card. */
function initFirstLayer(file: string): Record<string, unknown> {
  const conv1 = net.getLayer('conv1');
  const [kernel, ...rest] = conv1.getWeights();
  const [kh, kw, cin, filters] = kernel.shape;
  if (cin !== 1) throw new Error(`--init-kernels: conv1 reads ${cin} channels; a bank is fitted to one (grayscale) channel.`);
  const { bank, layout, sha256 } = readKernelBankFile(file, args['init-kernels-layout'] as KernelLayout | undefined);
  const fit: KernelFit = fitKernelBank(bank, kh, kw, filters, kernel.dataSync() as Float32Array);
  const t = tf.tensor4d(fit.kernel, [kh, kw, cin, filters]);
  conv1.setWeights([t, ...rest]);
  t.dispose();
  kernelInit = { file, sha256, layout, bankShape: bank.shape, kernelsUsed: fit.used, ofFilters: filters, channelsAveraged: fit.channelsAveraged, resized: fit.resizedFrom[0] === kh && fit.resizedFrom[1] === kw ? 'no' : `bilinear ${fit.resizedFrom[0]}×${fit.resizedFrom[1]} → ${kh}×${kw}`, scale: round(fit.scale, 6) };
  log(`conv1 initialised from ${file}: ${fit.used} of ${filters} kernels (${JSON.stringify(kernelInit)})`);
  return kernelInit;
}

/** --init-weights: every weight from a trained model folder (a warm restart: a further schedule from
 *  where that model ended; with --cell-weights from a model without, all but the new logit layer). Refused unless the architecture, the split and the target scaling are the
 *  same, because a model that trained on this run's validation images would make its figures worthless. */
async function initFromModel(dir: string): Promise<Record<string, unknown>> {
  const from = readModelCard(dir);
  const arch = (a: BoNetConfig) => JSON.stringify([a.convLayers, a.head, a.deformAfter ?? null, a.batchNorm, !!a.sexHeads]);
  if (arch(from.architecture) !== arch(config)) throw new Error(`--init-weights: ${dir} has another architecture (${formatLayers(from.architecture.convLayers)}${from.architecture.sexHeads ? ' + sex heads' : ''}); give the same --layers/--sex/--head-filters.`);
  if (from.architecture.cellWeights && !config.cellWeights) throw new Error(`--init-weights: ${dir} has learned cell weights; give --cell-weights too.`);
  const fromSplit = JSON.parse(readFileSync(join(dir, from.training.split.splitFile ?? 'split.json'), 'utf8')) as { validation: string[] };
  const sameVal = fromSplit.validation.length === split.validation.length && fromSplit.validation.every((id, k) => id === split.validation[k]);
  if (!sameVal) throw new Error(`--init-weights: ${dir} was trained on another split; its training set overlaps this run's validation set.`);
  if (Math.abs(from.output.scale - output.scale) > 1e-3 || Math.abs(from.output.offset - output.offset) > 1e-3) throw new Error(`--init-weights: ${dir} regresses another target scaling (offset ${from.output.offset}, scale ${from.output.scale}).`);
  const src = await loadModelFolder(dir);
  // Layer by layer, so a plain-mean model can seed a --cell-weights one (whose logit layer keeps its zero start).
  for (const layer of src.layers) if (layer.weights.length) net.getLayer(layer.name).setWeights(layer.getWeights());
  src.dispose();
  const info = { from: dir, name: from.name, version: from.version, sha256: from.weights.map((w) => w.sha256), validationMae: from.validation.mae_months };
  log(`all weights initialised from ${dir} (${from.name} v${from.version}, validation MAE ${from.validation.mae_months})`);
  return info;
}

function round(v: number, d: number): number {
  return Math.round(v * 10 ** d) / 10 ** d;
}

/** Adam's running products β1^(t+1), β2^(t+1) (private in tfjs; a checkpoint keeps them so --resume replays exactly). */
function adamBetaPowers(opt: tf.Optimizer): [tf.Variable, tf.Variable] {
  const { accBeta1, accBeta2 } = opt as unknown as { accBeta1: tf.Variable; accBeta2: tf.Variable };
  return [accBeta1, accBeta2];
}
