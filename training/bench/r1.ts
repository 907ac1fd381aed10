/**
 * Benchmark workload R1 (../shared/bench/README.md) on the project's training runtime.
 *   npm run --silent bench:r1                     → last line: {"workload":"R1","train_images_per_s":…,"infer_ms":…}
 *   npm run --silent bench:r1 -- --workers 2      → training data-parallel over 2 worker threads (threads: 2)
 *   npm run --silent bench:r1 -- --profile        → also a per-kernel table of one training step (stderr)
 *   npm run --silent bench:r1 -- --torch          → also runs ../shared/bench/torch_reference.py and adds the ratio
 * Compare with /usr/bin/python3 ../shared/bench/torch_reference.py run in the same session, as a ratio.
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_BONET } from '../../core/model';
import { parseArgs } from '../cli-args';
import { DataParallel } from '../parallel/data-parallel';
import { initTrainingRuntime } from '../runtime';
import { formatKernelTable, KernelProfiler } from './kernel-profile';
import { r1Loss, r1Model } from './r1-model';

const args = parseArgs(process.argv.slice(2), { steps: 'number', backend: 'string', workers: 'number', profile: 'boolean', torch: 'boolean' });
const steps = Number(args.steps ?? 20);
const workers = Number(args.workers ?? 1);
const backend = await initTrainingRuntime((args.backend as string) ?? 'wasm');
const log = (s: string) => process.stderr.write(s + '\n');

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const model = r1Model();
const opt = tf.train.momentum(1e-3, 0.9);
const x = tf.randomNormal([8, 128, 128, 1]) as tf.Tensor4D;
const y = tf.randomUniform([8]) as tf.Tensor1D;
const parallel = workers > 1 ? await DataParallel.start(workers, DEFAULT_BONET, 0, 'r1') : null;
const [xData, yData] = [x.dataSync() as Float32Array, y.dataSync() as Float32Array];
const step = async () => {
  if (parallel) {
    const r = await parallel.gradients(model, xData, yData, new Float32Array(8), 128, 128);
    opt.applyGradients(Object.entries(r.grads).map(([name, tensor]) => ({ name, tensor })));
    tf.dispose(Object.values(r.grads));
    // applyGradients is synchronous on wasm; read one weight so the step is complete either way.
    await model.weights[0].read().data();
    return;
  }
  let pred: tf.Tensor | undefined;
  const loss = opt.minimize(() => {
    const r = r1Loss(model, x, y);
    pred = r.pred;
    return r.loss;
  }, true)!;
  await loss.data();
  tf.dispose([loss, pred!]);
};
for (let i = 0; i < 3; i++) await step();
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < steps; i++) {
  const [t, c] = [performance.now(), process.cpuUsage()];
  await step();
  times.push((performance.now() - t) / 1000);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1e6);
}
const stepS = median(times);
await parallel?.stop();

if (args.profile) {
  if (parallel) log('--profile times the kernels of the main thread: run it without --workers.');
  else {
    const profiler = new KernelProfiler(backend, ['Conv2D', 'MaxPoolGrad', 'Reverse']);
    const profiled = Math.min(steps, 5);
    let profiledMs = 0;
    for (let i = 0; i < profiled; i++) {
      const t = performance.now();
      await step();
      profiledMs += performance.now() - t;
    }
    profiler.stop();
    log(`R1 training step, per-kernel self time (${backend}, mean of ${profiled} steps):`);
    log(formatKernelTable(profiler.table(), profiled, profiledMs / profiled));
  }
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
const result: Record<string, unknown> = {
  workload: 'R1', runtime: `tfjs ${tf.version_core} (${backend})`, threads: workers,
  train_step_s: Math.round(stepS * 1e5) / 1e5, train_images_per_s: Math.round((8 / stepS) * 100) / 100,
  // CPU seconds per step, all threads of this process: steadier than wall time on a shared machine.
  train_cpu_s_per_step: Math.round(median(cpu) * 1e4) / 1e4, infer_ms: Math.round(median(inf) * 1000) / 1000,
};
if (args.torch) {
  // Same session, right after: the ratio is the figure (absolute times drift on shared machines).
  const line = execFileSync('/usr/bin/python3', ['../shared/bench/torch_reference.py', '--steps', String(steps)], { encoding: 'utf8' }).trim().split('\n').pop()!;
  const torch = JSON.parse(line) as { train_images_per_s: number; infer_ms: number; threads: number };
  result.torch = { threads: torch.threads, train_images_per_s: torch.train_images_per_s, infer_ms: torch.infer_ms };
  result.train_ratio_to_torch = Math.round((Number(result.train_images_per_s) / torch.train_images_per_s) * 1000) / 1000;
  result.infer_ratio_to_torch = Math.round((torch.infer_ms / Number(result.infer_ms)) * 1000) / 1000;
}
console.log(JSON.stringify(result));
