/** Run with tsx (worker threads need its loader): R1's data-parallel gradients over 2 workers
 *  against its in-process full-batch gradients (R1 has no BatchNorm or dropout: they must agree).
 *  Prints {"maxRelDiff", "loss", "lossDp", "vars"}. */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_BONET } from '../../core/model';
import { r1Loss, r1Model } from '../../training/bench/r1-model';
import { DataParallel } from '../../training/parallel/data-parallel';
import { initTrainingRuntime } from '../../training/runtime';
import { maxRelativeGradDiff } from './grad-diff';

await initTrainingRuntime('wasm');
const net = r1Model();
const n = 5, h = 40, w = 32;
const x = tf.randomNormal([n, h, w, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
const y = tf.randomUniform([n], 0, 1, 'float32', 2) as tf.Tensor1D;
const trainable = net.trainableWeights.map((v) => (v as unknown as { val: tf.Variable }).val);
const ref = tf.variableGrads(() => r1Loss(net, x, y).loss, trainable);
const dp = await DataParallel.start(2, DEFAULT_BONET, 0, 'r1'); // the workers' own random weights are replaced by net's
const got = await dp.gradients(net, x.dataSync() as Float32Array, y.dataSync() as Float32Array, new Float32Array(n), h, w);
await dp.stop();
const maxRel = maxRelativeGradDiff(ref.grads, got.grads, trainable);
console.log(JSON.stringify({ maxRelDiff: maxRel, loss: ref.value.dataSync()[0], lossDp: got.loss, vars: trainable.length }));
