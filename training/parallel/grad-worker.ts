/** A data-parallel training worker: holds a replica of the network, receives the current weights
 *  and a shard of the batch, returns the gradients of the mean loss over its shard. At an epoch's end
 *  it reads its share of the calibration and validation sets (precise BN's sums, the estimates). */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildBoNet } from '../../core/model';
import { r1Loss, r1Model } from '../bench/r1-model';
import { useFusedBatchNormTraining } from '../kernels/fused-batch-norm-layer';
import { mapMeanLoss } from '../loss';
import { batchNormLayers, batchNormProbe, channelSumsOf } from '../precise-bn';
import { initTrainingRuntime } from '../runtime';
import { withSeededMathRandom } from '../step-random';
import { planeBatches, predictPlanes } from '../validate';
import type { FromWorker, ToWorker } from './messages';

let net: tfl.LayersModel | null = null;
let lossOf = mapMeanLoss;
const held = new Map<string, { x: Float32Array; male: boolean[]; height: number; width: number }>();
const probes = new Map<number, tfl.LayersModel>();
const port = parentPort!;
const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', async (m: ToWorker) => {
  try {
    if (m.kind === 'init') {
      await initTrainingRuntime(m.backend ?? 'wasm');
      useFusedBatchNormTraining(m.fusedBatchNorm ?? false);
      if (m.model === 'r1') {
        net = r1Model();
        lossOf = (model, x, y) => r1Loss(model, x, y);
      } else {
        net = buildBoNet(m.config, m.seed);
        const kind = m.loss ?? 'mse';
        lossOf = (model, x, y, male) => mapMeanLoss(model, x, y, male, kind);
      }
      send({ kind: 'ready' });
    } else if (m.kind === 'step') {
      const model = net!;
      writeWeights(model, m.weights);
      const x = tf.tensor4d(m.x, [m.n, m.height, m.width, 1]);
      const y = tf.tensor1d(m.y);
      const male = tf.tensor1d(m.male);
      let pred: tf.Tensor1D | undefined;
      const trainable = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
      const lossAndGrads = () => tf.variableGrads(() => {
        const r = lossOf(model, x, y, male);
        pred = r.pred;
        return r.loss;
      }, trainable);
      const { value, grads } = m.seed === undefined ? lossAndGrads() : withSeededMathRandom(m.seed, lossAndGrads);
      const out = trainable.map((v) => grads[v.name].dataSync() as Float32Array);
      const loss = (await value.data())[0];
      const p = (await pred!.data()) as Float32Array;
      tf.dispose([x, y, male, value, pred!, ...Object.values(grads)]);
      send({ kind: 'grads', grads: out, loss, pred: p }, out.map((g) => g.buffer as ArrayBuffer));
    } else if (m.kind === 'hold') {
      held.set(m.name, { x: m.x, male: m.male, height: m.height, width: m.width });
      send({ kind: 'held' });
    } else if (m.kind === 'bnSums') {
      writeWeights(net!, m.weights);
      const set = held.get(m.name)!;
      if (!probes.has(m.layer)) probes.set(m.layer, batchNormProbe(net!, batchNormLayers(net!)[m.layer]));
      const batches = planeBatches(set.x, set.male.length, set);
      const sums = batches.map((x) => channelSumsOf(probes.get(m.layer)!, x));
      tf.dispose(batches);
      send({ kind: 'sums', sums });
    } else if (m.kind === 'predict') {
      writeWeights(net!, m.weights);
      const set = held.get(m.name)!;
      const pred = await predictPlanes(net!, set.x, set.male, m.input, m.output);
      send({ kind: 'preds', pred }, [pred.buffer as ArrayBuffer]);
    } else if (m.kind === 'stop') {
      process.exit(0);
    }
  } catch (error) {
    send({ kind: 'error', message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});

function writeWeights(model: tfl.LayersModel, weights: Float32Array[]): void {
  tf.tidy(() => model.weights.forEach((v, i) => v.write(tf.tensor(weights[i], v.shape as number[]))));
}
