/** Run with tsx (worker threads need its loader): the epoch's end (precise BN, then the validation estimates)
 *  on 2 data-parallel workers against the same on the main thread, for a BoNet with BatchNorm and sex heads,
 *  on generated planes whose set sizes leave the workers unequal shares and a short last batch (one set copied to
 *  the workers, one shared with them).
 *  Prints {"layers", "statsMaxDiff", "statsMovedFromInit", "predsMaxDiff", "predsSpread", "n", "validationShared"}. */
import * as tf from '@tensorflow/tfjs-core';
import { buildBoNet, DEFAULT_BONET, THUMBNAIL_INPUT } from '../../core/model';
import type { BoNetConfig, OutputSpec } from '../../core/model/types';
import { DataParallel } from '../../training/parallel/data-parallel';
import { batchNormLayers, recalibrateBatchNormWith } from '../../training/precise-bn';
import { initTrainingRuntime } from '../../training/runtime';
import { predictOn, recalibrateOn } from '../../training/validate';

await initTrainingRuntime('wasm');
const config: BoNetConfig = { ...DEFAULT_BONET, batchNorm: true, sexHeads: true };
const spec = THUMBNAIL_INPUT;
const output: OutputSpec = { unit: 'months', scale: 40, offset: 120, reduce: 'mean', bySex: true };
const plane = spec.width * spec.height;
const planes = (n: number, seed: number) => {
  const x = tf.randomNormal([n * plane], 0, 1, 'float32', seed).dataSync() as Float32Array;
  return { x, months: Array.from({ length: n }, (_, i) => 12 + i), male: Array.from({ length: n }, (_, i) => i % 3 === 0) };
};
const calibration = planes(150, 1); // 3 batches of 64: shares [0, 64) and [64, 150); sent as copies
const validation = planes(70, 2); // 2 batches: [0, 64) and [64, 70); in a SharedArrayBuffer, read in place
const sharedPlanes = new Float32Array(new SharedArrayBuffer(validation.x.byteLength));
sharedPlanes.set(validation.x);
validation.x = sharedPlanes;

// Two replicas with the same weights, moved away from the seed's (so the BatchNorm inputs are not trivial).
const [serial, parallel] = [buildBoNet(config, 5), buildBoNet(config, 5)];
for (const net of [serial, parallel]) net.weights.forEach((w, i) => w.write(tf.add(w.read(), tf.randomNormal(w.shape as number[], 0, 0.02, 'float32', 100 + i))));

recalibrateOn(serial, calibration, spec);
const predsSerial = await predictOn(serial, validation, spec, output);

const dp = await DataParallel.start(2, config, 5);
await dp.hold('calibration', calibration.x, calibration.male, 150, spec.height, spec.width);
await dp.hold('validation', validation.x, validation.male, 70, spec.height, spec.width);
const layers = await recalibrateBatchNormWith(parallel, (k) => dp.batchNormSums(parallel, 'calibration', k));
const predsParallel = await dp.predict(parallel, 'validation', spec, output);
await dp.stop();

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), a.length === b.length ? 0 : Infinity);
const stats = (net: typeof serial) => batchNormLayers(net).flatMap((l) => l.getWeights().slice(2).flatMap((t) => Array.from(t.dataSync())));
const [sa, sb] = [stats(serial), stats(parallel)];
console.log(JSON.stringify({
  layers,
  statsMaxDiff: maxDiff(sa, sb),
  statsMovedFromInit: maxDiff(sa, stats(buildBoNet(config, 5))),
  predsMaxDiff: maxDiff(predsSerial, predsParallel),
  predsSpread: Math.max(...predsSerial) - Math.min(...predsSerial),
  n: predsParallel.length,
  validationShared: validation.x.buffer instanceof SharedArrayBuffer,
}));
