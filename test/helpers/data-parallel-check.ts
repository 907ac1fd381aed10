/** Run with tsx (worker threads need its loader): compares data-parallel gradients over 2 workers
 *  with the in-process full-batch gradients, for a network without BatchNorm or dropout (where the
 *  two are mathematically equal), under the loss named by the first argument (mse, the default, or l1).
 *  Prints {"maxRelDiff", "loss", "lossDp"}. */
import * as tf from '@tensorflow/tfjs-core';
import { buildBoNet, DEFAULT_BONET } from '../../core/model';
import type { BoNetConfig } from '../../core/model/types';
import { mapMeanLoss, type LossKind } from '../../training/loss';
import { DataParallel } from '../../training/parallel/data-parallel';
import { initTrainingRuntime } from '../../training/runtime';
import { maxRelativeGradDiff } from './grad-diff';

const kind = (process.argv[2] ?? 'mse') as LossKind;
await initTrainingRuntime('wasm');
const config: BoNetConfig = { ...DEFAULT_BONET, batchNorm: false, head: { ...DEFAULT_BONET.head, dropout: 0 } };
const net = buildBoNet(config, 3);
// Move the weights away from the seed's, so the workers really receive them.
net.weights.forEach((w, i) => w.write(tf.add(w.read(), tf.randomNormal(w.shape as number[], 0, 0.01, 'float32', 100 + i))));
const n = 5, h = 64, w = 48;
const x = tf.randomNormal([n, h, w, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
const y = tf.randomNormal([n], 0, 1, 'float32', 2) as tf.Tensor1D;
const trainable = net.trainableWeights.map((v) => (v as unknown as { val: tf.Variable }).val);
const ref = tf.variableGrads(() => mapMeanLoss(net, x, y, undefined, kind).loss, trainable);
const dp = await DataParallel.start(2, config, 3, 'bonet', kind);
const got = await dp.gradients(net, x.dataSync() as Float32Array, y.dataSync() as Float32Array, new Float32Array(y.size), h, w);
await dp.stop();
const maxRel = maxRelativeGradDiff(ref.grads, got.grads, trainable);
console.log(JSON.stringify({ maxRelDiff: maxRel, loss: ref.value.dataSync()[0], lossDp: got.loss, vars: trainable.length }));
