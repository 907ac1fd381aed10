/**
 * Trains the TW-region localiser on the Koitka et al. (2018) boxes over the RSNA thumbnails and writes a model
 * folder the page loads as is (model.json, shards, model-card.json with held-out figures, split.json).
 *   npm run train:localiser -- --out runs/tw-localiser [--epochs 120] [--batch 32] [--lr 0.002] [--seed 7]
 *     [--held-out 40] [--flip 0] [--limit N] [--backend wasm|cpu]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { buildLocaliser } from '../../core/localiser/network';
import { DEFAULT_LOCALISER, LOCALISER_INPUT, ROI_SLOTS } from '../../core/localiser/constants';
import { TwLocaliser } from '../../core/localiser/localiser-model';
import type { LocaliserCard, LocaliserFigures } from '../../core/localiser/types';
import type { WeightFile } from '../../core/model/types';
import { zscore } from '../../core/pipeline/normalise';
import { parseArgs } from '../cli-args';
import { mulberry32, shuffleInPlace } from '../data/split';
import { atomicFolder, saveModelFolder } from '../io/model-files';
import { recalibrateBatchNorm } from '../precise-bn';
import { ProgressBar } from '../progress';
import { initTrainingRuntime } from '../runtime';
import { cosineWithWarmup } from '../schedule';
import { augment, drawParams, type AugmentRanges } from './augment';
import { heldOutSplit, loadLocaliserCases, ROIS_DIR, THUMBS_DIR } from './dataset';
import { evaluateCases } from './held-out';
import { localiserLoss } from './loss';

const args = parseArgs(process.argv.slice(2), {
  out: 'string', name: 'string', epochs: 'number', batch: 'number', lr: 'number', seed: 'number', 'held-out': 'number',
  flip: 'number', limit: 'number', backend: 'string', rois: 'string', images: 'string',
});
const name = String(args.name ?? 'tw-localiser');
const outDir = String(args.out ?? join('runs', name));
const epochs = Number(args.epochs ?? 120);
const batchSize = Number(args.batch ?? 32);
const peakLr = Number(args.lr ?? 2e-3);
const seed = Number(args.seed ?? 7);
const heldOutN = Number(args['held-out'] ?? 40);
const ranges: AugmentRanges = { scale: 0.1, degrees: 10, shift: 8, gamma: 0.5, flip: Number(args.flip ?? 0) };
const spec = LOCALISER_INPUT;
const config = DEFAULT_LOCALISER;
const log = (s: string) => process.stderr.write(s + '\n');
const started = Date.now();
const backend = await initTrainingRuntime(args.backend as string | undefined);
log(`runtime: ${backend}`);

const roisDir = String(args.rois ?? ROIS_DIR);
const { cases, skipped } = loadLocaliserCases(roisDir, String(args.images ?? THUMBS_DIR), spec);
for (const s of skipped) log(`left out ${s.id}: ${s.why}`);
const split = heldOutSplit(cases.map((c) => c.id), seed, heldOutN);
const held = new Set(split.heldOut);
let train = cases.filter((c) => !held.has(c.id));
if (args.limit) train = train.slice(0, Number(args.limit));
const heldOut = cases.filter((c) => held.has(c.id));
mkdirSync(outDir, { recursive: true });
const splitJson = JSON.stringify({ seed, heldOut: split.heldOut, train: train.map((c) => c.id), leftOut: skipped, annotations: roisDir }, null, 1) + '\n';
writeFileSync(join(outDir, 'split.json'), splitJson);
log(`${cases.length} usable hands: train ${train.length}, held out ${heldOut.length}`);

const meanTargets = new Float32Array(ROI_SLOTS.length * 4);
for (const c of train) c.targets.forEach((v, i) => (meanTargets[i] += v / train.length));
const net = buildLocaliser(config, spec.width, seed, meanTargets);
log(`localiser: ${net.countParams()} parameters`);
const optimizer = tf.train.adam(peakLr);
const lr = optimizer as unknown as { learningRate: number };
const plane = spec.width * spec.height;
const slots = ROI_SLOTS.length;
const stepsPerEpoch = Math.max(1, Math.floor(train.length / batchSize));
const totalSteps = stepsPerEpoch * epochs;
const rand = mulberry32(seed + 1);
const xBatch = new Float32Array(batchSize * plane);
const yBatch = new Float32Array(batchSize * slots * 4);
const history: Array<Record<string, number>> = [];
let step = 0;
const bar = new ProgressBar('train', epochs);
for (let epoch = 0; epoch < epochs; epoch++) {
  const order = shuffleInPlace(Array.from(train.keys()), rand);
  let boxSum = 0, iouSum = 0;
  for (let s = 0; s < stepsPerEpoch; s++) {
    for (let b = 0; b < batchSize; b++) {
      const c = train[order[(s * batchSize + b) % order.length]];
      const a = augment(c.raw, spec.width, spec.height, c.targets, drawParams(rand, ranges));
      xBatch.set(zscore(a.plane), b * plane);
      yBatch.set(a.boxes, b * slots * 4);
    }
    lr.learningRate = cosineWithWarmup(step++, totalSteps, peakLr);
    const x = tf.tensor4d(xBatch, [batchSize, spec.height, spec.width, 1]);
    const y = tf.tensor3d(yBatch, [batchSize, slots, 4]);
    let parts: { box: tf.Scalar; iou: tf.Scalar } | undefined;
    const loss = optimizer.minimize(() => {
      const r = localiserLoss(net, x, y);
      parts = r;
      return r.loss;
    }, true)!;
    boxSum += (await parts!.box.data())[0];
    iouSum += (await parts!.iou.data())[0];
    tf.dispose([x, y, loss, parts!.box, parts!.iou]);
  }
  history.push({ epoch: epoch + 1, boxLoss: round(boxSum / stepsPerEpoch, 4), trainIou: round(iouSum / stepsPerEpoch, 4), seconds: Math.round((Date.now() - started) / 1000) });
  bar.update(epoch + 1, `box loss ${(boxSum / stepsPerEpoch).toFixed(3)} IoU ${(iouSum / stepsPerEpoch).toFixed(3)} lr ${lr.learningRate.toExponential(1)} tensors ${tf.memory().numTensors}`);
}
bar.done('');

// Precise BN over the (unaugmented) training planes, then the held-out figures, once, at the end.
const bnBatches: tf.Tensor4D[] = [];
for (let i = 0; i < train.length; i += 64) {
  const part = train.slice(i, i + 64);
  const xs = new Float32Array(part.length * plane);
  part.forEach((c, k) => xs.set(zscore(c.raw), k * plane));
  bnBatches.push(tf.tensor4d(xs, [part.length, spec.height, spec.width, 1]));
}
recalibrateBatchNorm(net, bnBatches);
tf.dispose(bnBatches);

const duration = Math.round((Date.now() - started) / 1000);
const card = (validation: LocaliserFigures, weights: WeightFile[]): LocaliserCard => ({
  name, version: '1', kind: 'tw-localiser', created: new Date().toISOString().slice(0, 10),
  description: 'Small CNN that regresses the 17 ossification regions of a left-hand radiograph (DIP×4, PIP×5, MCP×5, Radius, Ulna, Wrist) from the same 100×100 z-scored input as the age model; the page maps them to the TW3 regions.',
  intendedUse: 'Research: showing where the Tanner–Whitehouse regions are on a radiograph, beside the age model. Not a medical device.',
  limitations: [
    `Trained on ${train.length} hands only (100×100 thumbnails of the RSNA training set); a box is a coarse region at that resolution.`,
    'Expects an upright left-hand PA radiograph roughly cropped to the hand, fingers up, thumb on the right as displayed; mirrored or rotated images are not handled unless trained with --flip.',
    'Always outputs 17 boxes, even when the image is not a hand; the score is the IoU the network expects the box to reach, not a probability that a joint is there.',
  ],
  architecture: { ...config, parameters: net.countParams(), outputs: `${slots} slots × (cx, cy, w, h as fractions of the input frame, score logit)` },
  input: spec,
  slots: ROI_SLOTS,
  training: {
    data: `Koitka et al., "Ossification area localization in pediatric hand radiographs using deep neural networks for object detection", PLOS ONE 13(11): e0207496, 2018: Pascal VOC boxes on ${cases.length + skipped.length} RSNA training radiographs (${cases.length} used: those with all 17 boxes and a thumbnail; the others are listed in split.json), scaled onto the RSNA 100×100 thumbnails`,
    licence: 'Annotations: MIT licence (Koitka et al. 2018). Images: RSNA Pediatric Bone Age Challenge 2017 training set, research use.',
    split: { seed, heldOut: heldOut.length, train: train.length, splitFile: 'split.json' },
    epochs, batchSize,
    optimizer: `Adam, peak lr ${peakLr}, linear warm-up then cosine decay; BatchNorm statistics recomputed over the training planes at the end`,
    loss: 'Huber (δ = 1 % of the frame) on cx, cy, w, h ×100, plus 0.1 × sigmoid cross-entropy of each score against the IoU its box reaches',
    augmentation: `per sample: scale ±${ranges.scale * 100} %, rotation ±${ranges.degrees}°, shift ±${ranges.shift} px, gamma 2^±${ranges.gamma}, horizontal flip p = ${ranges.flip} (boxes follow; finger order kept)`,
    runtime: `TensorFlow.js ${tf.version_core} (${backend})`,
    durationSeconds: duration,
  },
  validation,
  weights,
});
const draft = new TwLocaliser(net, card({ n_hands: 0 } as LocaliserFigures, []));
const { figures } = await evaluateCases(draft, heldOut);
await atomicFolder(join(outDir, 'model'), async (tmp) => {
  const weights = await saveModelFolder(net, tmp);
  writeFileSync(join(tmp, 'model-card.json'), JSON.stringify(card(figures, weights), null, 2) + '\n');
  writeFileSync(join(tmp, 'split.json'), splitJson);
});
writeFileSync(join(outDir, 'history.json'), JSON.stringify(history, null, 1) + '\n');
log(`done in ${duration} s → ${join(outDir, 'model')}`);
console.log(JSON.stringify({ model: join(outDir, 'model'), backend, held_out: figures }));

function round(v: number, d: number): number {
  return Math.round(v * 10 ** d) / 10 ** d;
}
