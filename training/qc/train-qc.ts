/**
 * Trains the QC classifier (core/qc) on real RSNA thumbnails of the age model's TRAINING split
 * (positives) and negatives generated from them and from nothing, in memory.
 *   npm run --silent train:qc -- [--steps 2500] [--batch 64] [--minutes 12] [--out public/models/qc-hand]
 * The age model's validation split is left untouched for bench:qc.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { QC_CLASSES } from '../../core/qc/classes';
import { QC_SIDE } from '../../core/qc/qc-input';
import { parseArgs } from '../cli-args';
import { loadModelFolder, saveModelFolder } from '../io/model-files';
import { initTrainingRuntime } from '../runtime';
import { buildQcNet } from './qc-net';
import { readSplit, readThumbnails, sharedDataDir } from './real-thumbnails';
import { makeRng } from './rng';
import { QcSampler } from './sampler';

const args = parseArgs(process.argv.slice(2), { steps: 'number', batch: 'number', minutes: 'number', out: 'string', seed: 'number', lr: 'number', split: 'string', limit: 'number', init: 'string' });
const steps = Number(args.steps ?? 2500), batch = Number(args.batch ?? 64), minutes = Number(args.minutes ?? 12);
const seed = Number(args.seed ?? 7), peakLr = Number(args.lr ?? 2e-3);
const out = String(args.out ?? 'public/models/qc-hand');
const data = sharedDataDir();
if (!data) throw new Error('train:qc needs the real thumbnails in ../shared/data/rsna-bone-age.');
const backend = await initTrainingRuntime('wasm');
const split = readSplit(String(args.split ?? 'public/models/bonet-rsna100/split.json'));
const trainIds = args.limit ? split.train.slice(0, Number(args.limit)) : split.train;
const t0 = Date.now();
const real = readThumbnails(join(data, 'rsna-bone-age', 'boneage-training-dataset'), trainIds);
console.error(`read ${real.length} training thumbnails in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

const rng = makeRng(seed);
// Generated hands for training: seeds 1..400 (bench:qc uses seeds from 100000 up).
const sampler = new QcSampler(real, rng, Array.from({ length: 400 }, (_, i) => i + 1));
// ok, not-hand, mirrored, rotated, inverted, multiple-hands
const weights = [0.4, 0.16, 0.16, 0.1, 0.08, 0.1];
const net = buildQcNet(seed);
/** The earlier run's training record, when continuing. */
const prior = args.init ? JSON.parse(readFileSync(join(String(args.init), 'model-card.json'), 'utf8')).training as { steps: number; durationSeconds: number; stages?: object[] } : null;
if (args.init) {
  // Continue from an earlier run's weights (same architecture), e.g. when the machine was too busy.
  const earlier = await loadModelFolder(String(args.init));
  net.setWeights(earlier.getWeights());
  earlier.dispose();
  console.error(`continuing from ${args.init}`);
}
const optimizer = tf.train.adam(peakLr);
const lr = optimizer as unknown as { learningRate: number };
const start = Date.now();
let done = 0, lossAvg = NaN;
for (let step = 0; step < steps; step++) {
  if ((Date.now() - start) / 60000 > minutes) break;
  // Cosine over whichever budget runs out first (steps or minutes): the machine may be shared.
  const progress = Math.min(1, Math.max(step / steps, (Date.now() - start) / 60000 / minutes));
  const warm = Math.min(1, (step + 1) / 50);
  lr.learningRate = peakLr * warm * 0.5 * (1 + Math.cos(Math.PI * progress));
  const { x, y } = sampler.batch(batch, weights);
  const loss = optimizer.minimize(() => {
    const logits = net.apply(tf.tensor4d(x, [batch, QC_SIDE, QC_SIDE, 1]), { training: true }) as tf.Tensor2D;
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(y, 'int32'), QC_CLASSES.length), logits) as tf.Scalar;
  }, true) as tf.Scalar;
  const l = (await loss.data())[0];
  loss.dispose();
  lossAvg = Number.isNaN(lossAvg) ? l : 0.98 * lossAvg + 0.02 * l;
  done = step + 1;
  if (step % 50 === 0) console.error(`step ${step} loss ${lossAvg.toFixed(4)} lr ${lr.learningRate.toExponential(2)} ${((Date.now() - start) / 1000).toFixed(0)} s tensors ${tf.memory().numTensors}`);
}
const seconds = Math.round((Date.now() - start) / 1000);
mkdirSync(out, { recursive: true });
const weightsFiles = await saveModelFolder(net, out);
const card = {
  name: 'qc-hand',
  version: '1',
  created: new Date().toISOString().slice(0, 10),
  description: 'Quality-control classifier: is this one upright, left, normally polarised hand radiograph? Six classes over a 50×50 plane (the age model\'s 100×100 squash and z-score, 2×2 averaged).',
  intendedUse: 'Flags inputs the bone-age model should not score silently. Research tool, not a medical device.',
  limitations: [
    'Positives are RSNA thumbnails only (one data set); real radiographs from elsewhere may be flagged more often.',
    'Right hands are recognised only as mirror images of left hands; some RSNA images are themselves right hands or mirrored, and count as positives here.',
    'Negatives are generated (blank, noise, textures, shapes, photo-like 1/f scenes, mirrored/rotated/inverted/two-hand versions of real and generated hands); real photographs and other body parts were not available.',
    'Exposure (too dark, burnt out) and blank images are judged by intensity rules (core/qc/exposure.ts), not by this network.',
  ],
  classes: [...QC_CLASSES],
  input: { width: QC_SIDE, height: QC_SIDE, from: 'core/qc/qc-input.ts qcPlane' },
  okThreshold: 0.5,
  training: {
    data: `RSNA thumbnails of the age model's training split (${real.length} ids from bonet-rsna100/split.json); its validation ids are held out for bench:qc`,
    classWeights: Object.fromEntries(QC_CLASSES.map((c, i) => [c, weights[i]])),
    steps: done + (prior?.steps ?? 0),
    stages: [...(prior?.stages ?? []), { steps: done, peakLr, seconds, cpuSeconds: Math.round(process.cpuUsage().user / 1e6) }],
    batchSize: batch, optimizer: `Adam, peak lr ${peakLr}, warm-up then cosine over min(steps, ${minutes} min)`, seed,
    runtime: `TensorFlow.js 4.22.0 (${backend})`, durationSeconds: seconds + (prior?.durationSeconds ?? 0),
  },
  weights: weightsFiles,
};
writeFileSync(join(out, 'model-card.json'), JSON.stringify(card, null, 2) + '\n');
console.error(`trained ${done} steps in ${seconds} s → ${out}`);
console.log(JSON.stringify({ steps: done, seconds, final_loss: Number(lossAvg.toFixed(4)) }));
