import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BoNetConfig } from '../../core/model/types';
import type { LossKind } from '../loss';
import type { FromWorker, ToWorker, WorkerModel } from './messages';

/**
 * Data-parallel gradient computation over worker threads (the wasm backend runs one thread per
 * instance, so this is how training uses more than one core). Each step: the current weights and
 * one shard of the batch go to each worker; the shard gradients come back and are averaged,
 * weighted by shard size, which equals the full-batch gradient of a mean loss. BatchNorm uses each
 * shard's own statistics; its moving averages are recomputed after each epoch (precise BN).
 */
export class DataParallel {
  private constructor(private readonly workers: Worker[]) {}

  static async start(count: number, config: BoNetConfig, seed: number, model: WorkerModel = 'bonet', loss: LossKind = 'mse', fusedBatchNorm = false): Promise<DataParallel> {
    const workers = Array.from({ length: count }, () => new Worker(new URL('./grad-worker-entry.mjs', import.meta.url)));
    const dp = new DataParallel(workers);
    await Promise.all(workers.map((w) => dp.request(w, { kind: 'init', config, seed, model, loss, fusedBatchNorm })));
    return dp;
  }

  private request(w: Worker, msg: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        w.off('error', onError);
        if (m.kind === 'error') reject(new Error(`training worker: ${m.message}`));
        else resolve(m);
      };
      const onError = (e: Error) => {
        w.off('message', onMessage);
        reject(e);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage(msg, transfer);
    });
  }

  /** Gradients (as tensors keyed by variable name, caller disposes), mean loss and predictions for one batch.
   *  seedOf(k): the seed of shard k's dropout masks (training/step-random.ts); without it they are unseeded. */
  async gradients(net: tfl.LayersModel, x: Float32Array, y: Float32Array, male: Float32Array, height: number, width: number, seedOf?: (shard: number) => number): Promise<{ grads: tf.NamedTensorMap; loss: number; pred: Float32Array }> {
    const n = y.length;
    const plane = height * width;
    const weights = net.weights.map((w) => w.read().dataSync() as Float32Array);
    const shards = this.workers.map((_, k) => {
      const a = Math.floor((k * n) / this.workers.length);
      const b = Math.floor(((k + 1) * n) / this.workers.length);
      return [a, b] as const;
    }).filter(([a, b]) => b > a);
    const replies = await Promise.all(shards.map(([a, b], k) =>
      this.request(this.workers[k], { kind: 'step', weights, x: x.slice(a * plane, b * plane), y: y.slice(a, b), male: male.slice(a, b), n: b - a, height, width, seed: seedOf?.(k) })));
    const trainable = net.trainableWeights;
    const sums = trainable.map((w) => new Float32Array(w.read().size));
    const pred = new Float32Array(n);
    let loss = 0;
    replies.forEach((r, k) => {
      if (r.kind !== 'grads') throw new Error('training worker: unexpected reply');
      const [a, b] = shards[k];
      const share = (b - a) / n;
      r.grads.forEach((g, i) => {
        const s = sums[i];
        for (let j = 0; j < s.length; j++) s[j] += g[j] * share;
      });
      loss += r.loss * share;
      pred.set(r.pred, a);
    });
    const grads: tf.NamedTensorMap = {};
    trainable.forEach((w, i) => {
      grads[(w as unknown as { val: tf.Variable }).val.name] = tf.tensor(sums[i], w.shape as number[]);
    });
    return { grads, loss, pred };
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
