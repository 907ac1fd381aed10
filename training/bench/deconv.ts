/**
 * Deconvnet benchmark: one layer's top-k projections of one image, on the wasm backend with its
 * stock kernels (as the page runs it; the training workspace's faster gradient kernels are not used).
 *   npm run --silent bench:deconv [-- --runs 10 --k 9 --model public/models/bonet-rsna100 --image <file.png>]
 * Prints a line per layer to stderr; the last line on stdout is one JSON object with medians in ms:
 *   forward_ms (the forward pass up to that layer), project_ms (the k projections), total_ms (both).
 * Without --image it uses the generated hand of the browser tests (400×500), never the data set.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { roiNetwork, THUMBNAIL_INPUT } from '../../core/model';
import { decodeImage } from '../../core/pipeline/decode';
import { preprocess } from '../../core/pipeline/preprocess';
import type { SampledImage } from '../../core/pipeline/types';
import { Deconvnet } from '../../core/roi';
import { makeHandPixels, HAND_HEIGHT, HAND_WIDTH } from '../../test/browser/fixtures';
import { parseArgs } from '../cli-args';
import { loadModelFolder, readModelCard } from '../io/model-files';

const args = parseArgs(process.argv.slice(2), { runs: 'number', k: 'number', model: 'string', image: 'string' });
const runs = Math.max(10, Number(args.runs ?? 10));
const k = Number(args.k ?? 9);
const dir = String(args.model ?? 'public/models/bonet-rsna100');
if (!(await tf.setBackend('wasm'))) throw new Error('The wasm backend failed to initialise.');
await tf.ready();

const card = readModelCard(dir);
const model = await loadModelFolder(dir);
// As the page does: an ensemble's ROIs are its first network's (core/model/ensemble.ts).
const net = Deconvnet.fromLayersModel(roiNetwork(model));
model.dispose();
const image: SampledImage = args.image
  ? await decodeImage(new Uint8Array(readFileSync(String(args.image))), String(args.image))
  : { width: HAND_WIDTH, height: HAND_HEIGHT, data: Float32Array.from(makeHandPixels()) };
const plane = preprocess(image, card.input ?? THUMBNAIL_INPUT);

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;
const layers: Record<string, { forward_ms: number; project_ms: number; total_ms: number; projections: number }> = {};
const tensorsBefore = tf.memory().numTensors;
for (const layer of net.layerNames) {
  const fwd: number[] = [];
  const proj: number[] = [];
  let count = 0;
  for (let r = -2; r < runs; r++) {
    const t0 = performance.now();
    const record = await net.forward(plane, layer);
    const t1 = performance.now();
    count = (await net.project(record, layer, k)).length;
    const t2 = performance.now();
    if (r < 0) continue; // warm-up
    fwd.push(t1 - t0);
    proj.push(t2 - t1);
  }
  const total = fwd.map((f, i) => f + proj[i]);
  layers[layer] = { forward_ms: round(median(fwd)), project_ms: round(median(proj)), total_ms: round(median(total)), projections: count };
  console.error(`${layer}: top-${k} (${count} projected) median forward ${layers[layer].forward_ms} ms + projections ${layers[layer].project_ms} ms = ${layers[layer].total_ms} ms over ${runs} runs`);
}
const leaked = tf.memory().numTensors - tensorsBefore;
net.dispose();
const worst = Math.max(...Object.values(layers).map((l) => l.total_ms));
console.log(JSON.stringify({
  bench: 'deconv', runtime: `tfjs ${tf.version_core} (wasm, stock kernels)`, model: card.name, k, runs,
  image: args.image ? String(args.image) : `generated hand ${HAND_WIDTH}×${HAND_HEIGHT}`, layers, worst_total_ms: worst, target_ms: 1000, within_target: worst <= 1000, leaked_tensors: leaked,
}));
