/**
 * Benchmark workload R1 (../shared/bench/README.md) on the project's training runtime.
 *   npm run --silent bench:r1        → last line: {"workload":"R1","train_images_per_s":…,"infer_ms":…}
 * Compare with /usr/bin/python3 ../shared/bench/torch_reference.py run in the same session, as a ratio.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { parseArgs } from '../cli-args';
import { initTrainingRuntime } from '../runtime';

const args = parseArgs(process.argv.slice(2), { steps: 'number', backend: 'string' });
const steps = Number(args.steps ?? 20);
const backend = await initTrainingRuntime((args.backend as string) ?? 'wasm');

function r1Model(): tfl.LayersModel {
  const conv = (filters: number, kernelSize: number, strides = 1) => tfl.layers.conv2d({ filters, kernelSize, strides, padding: 'same', activation: 'relu' });
  return tfl.sequential({
    layers: [
      tfl.layers.inputLayer({ inputShape: [null, null, 1] }),
      conv(32, 7, 2), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(64, 5), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(128, 3), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(128, 3),
      tfl.layers.globalAveragePooling2d({}),
      tfl.layers.dense({ units: 1 }),
    ],
  });
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const model = r1Model();
const opt = tf.train.momentum(1e-3, 0.9);
const x = tf.randomNormal([8, 128, 128, 1]);
const y = tf.randomUniform([8, 1]);
const step = async () => {
  const loss = opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor), true)!;
  await loss.data();
  loss.dispose();
};
for (let i = 0; i < 3; i++) await step();
const times: number[] = [];
for (let i = 0; i < steps; i++) {
  const t = performance.now();
  await step();
  times.push((performance.now() - t) / 1000);
}
const xi = tf.randomNormal([1, 320, 256, 1]);
const infer = async () => {
  const out = model.predict(xi) as tf.Tensor;
  await out.data();
  out.dispose();
};
for (let i = 0; i < 3; i++) await infer();
const inf: number[] = [];
for (let i = 0; i < steps; i++) {
  const t = performance.now();
  await infer();
  inf.push(performance.now() - t);
}
const stepS = median(times);
console.log(JSON.stringify({
  workload: 'R1', runtime: `tfjs ${tf.version_core} (${backend})`, threads: 1,
  train_step_s: Math.round(stepS * 1e5) / 1e5, train_images_per_s: Math.round((8 / stepS) * 100) / 100, infer_ms: Math.round(median(inf) * 1000) / 1000,
}));
