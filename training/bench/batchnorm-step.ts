/**
 * The deep members' training step (their --layers, sex heads, Adam, map-mean MSE; one thread, wasm) with
 * tfjs-layers' stock BatchNorm and with the fused kernels (train --fused-batchnorm), alternated step by
 * step in one process so both see the same machine load. Random inputs: this times the step, not learning.
 *   npm run --silent bench:batchnorm -- [--batch 16] [--rounds 8] [--layers "24x3p,…"] [--profile]
 * Last line: {"batch","stock_median_ms","fused_median_ms","ratio",…}. --profile: also a per-kernel table of
 * three steps of each (stderr).
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildBoNet, DEFAULT_BONET } from '../../core/model';
import { parseArgs } from '../cli-args';
import { formatKernelTable, KernelProfiler } from './kernel-profile';
import { useFusedBatchNormTraining } from '../kernels/fused-batch-norm-layer';
import { parseLayers } from '../layers-spec';
import { mapMeanLoss } from '../loss';
import { initTrainingRuntime } from '../runtime';

const args = parseArgs(process.argv.slice(2), { batch: 'number', rounds: 'number', layers: 'string', profile: 'boolean' });
const batch = Number(args.batch ?? 16);
const rounds = Number(args.rounds ?? 8);
const layers = String(args.layers ?? '24x3p,48x3,48x3p,96x3,96x3p,192x3,192x3');
await initTrainingRuntime('wasm');
const net = buildBoNet({ ...DEFAULT_BONET, convLayers: parseLayers(layers), sexHeads: true }, 1);
const opt = tf.train.adam(1e-3);
const x = tf.randomNormal([batch, 100, 100, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
const y = tf.randomNormal([batch], 0, 1, 'float32', 2) as tf.Tensor1D;
const male = tf.tensor1d(Array.from({ length: batch }, (_, i) => i % 2));
const step = async () => {
  const loss = opt.minimize(() => {
    const r = mapMeanLoss(net, x, y, male);
    r.pred.dispose();
    return r.loss;
  }, true)!;
  await loss.data();
  loss.dispose();
};

const times: Record<'stock' | 'fused', number[]> = { stock: [], fused: [] };
for (const fused of [false, true]) {
  useFusedBatchNormTraining(fused);
  await step(); // warm-up: kernels and weight packing of each path
  await step();
}
for (let r = 0; r < rounds; r++) {
  for (const fused of [false, true]) {
    useFusedBatchNormTraining(fused);
    const t = performance.now();
    await step();
    times[fused ? 'fused' : 'stock'].push(performance.now() - t);
  }
}
if (args.profile) {
  for (const fused of [false, true]) {
    useFusedBatchNormTraining(fused);
    const profiler = new KernelProfiler('wasm', ['Conv2D', 'Sum', 'MaxPoolGrad']);
    const t = performance.now();
    for (let i = 0; i < 3; i++) await step();
    profiler.stop();
    process.stderr.write(`${fused ? 'fused' : 'stock'} BatchNorm, per-kernel self time (mean of 3 steps):\n${formatKernelTable(profiler.table(), 3, (performance.now() - t) / 3)}\n`);
  }
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const [stock, fused] = [median(times.stock), median(times.fused)];
process.stderr.write(`stock ms: ${times.stock.map(Math.round).join(' ')}\nfused ms: ${times.fused.map(Math.round).join(' ')}\n`);
console.log(JSON.stringify({ workload: 'deep members step', layers, batch, rounds, stock_median_ms: Math.round(stock), fused_median_ms: Math.round(fused), ratio: +(fused / stock).toFixed(3) }));
