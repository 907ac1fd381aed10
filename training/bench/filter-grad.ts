/**
 * Conv2DBackpropFilter variants on R1's four layers (batch 8, 128×128), CPU milliseconds per call
 * (minimum over 12 calls; CPU time, steadier than wall time on a shared machine).
 *   npx tsx training/bench/filter-grad.ts
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterViaForward } from '../kernels/conv2d-backprop-filter';
import { conv2dBackpropFilterIm2col } from '../kernels/conv2d-backprop-filter-im2col';
import { initTrainingRuntime } from '../runtime';

await initTrainingRuntime('wasm');
const viaForward = conv2dBackpropFilterViaForward('wasm');
const variants: Record<string, tf.KernelConfig> = { 'conv of transposes': viaForward, im2col: conv2dBackpropFilterIm2col(viaForward.kernelFunc, Infinity) };
type Shape4 = [number, number, number, number];
const layers: Array<{ x: Shape4; f: Shape4; s: number }> = [
  { x: [8, 128, 128, 1], f: [7, 7, 1, 32], s: 2 },
  { x: [8, 32, 32, 32], f: [5, 5, 32, 64], s: 1 },
  { x: [8, 16, 16, 64], f: [3, 3, 64, 128], s: 1 },
  { x: [8, 8, 8, 128], f: [3, 3, 128, 128], s: 1 },
];
for (const l of layers) {
  const x = tf.randomNormal(l.x);
  const dy = tf.randomNormal(tf.conv2d(x as tf.Tensor4D, tf.zeros(l.f) as tf.Tensor4D, l.s, 'same').shape);
  const row: string[] = [];
  for (const [name, cfg] of Object.entries(variants)) {
    tf.unregisterKernel(tf.Conv2DBackpropFilter, 'wasm');
    tf.registerKernel(cfg);
    const ms: number[] = [];
    for (let i = 0; i < 12; i++) {
      const c = process.cpuUsage();
      const dw = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides: [l.s, l.s], pad: 'same', dataFormat: 'NHWC', filterShape: l.f }) as tf.Tensor;
      dw.dataSync();
      const u = process.cpuUsage(c);
      if (i >= 2) ms.push((u.user + u.system) / 1000);
      dw.dispose();
    }
    row.push(`${name} ${Math.min(...ms).toFixed(1)} ms`);
  }
  console.log(`x ${l.x.join('×')} filter ${l.f.join('×')} stride ${l.s}: ${row.join(', ')}`);
}
