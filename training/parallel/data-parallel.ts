import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BoNetConfig, OutputSpec } from '../../core/model/types';
import type { InputSpec } from '../../core/pipeline/types';
import type { LossKind } from '../loss';
import type { ChannelSums } from '../precise-bn';
import { EPOCH_END_BATCH } from '../validate';
import type { FromWorker, ToWorker, WorkerModel } from './messages';

/**
 * Data-parallel gradient computation over worker threads (the wasm backend runs one thread per
 * instance, so this is how training uses more than one core). Each step: the current weights and
 * one shard of the batch go to each worker; the shard gradients come back and are averaged,
 * weighted by shard size, which equals the full-batch gradient of a mean loss. BatchNorm uses each
 * shard's own statistics; its moving averages are recomputed after each epoch (precise BN).
 * The epoch's end runs on the workers too (`hold`, `batchNormSums`, `predict`): each reads its share
 * of whole batches, the same batches the main thread would read, so the results are the same.
 */
export class DataParallel {
  private constructor(private readonly workers: Worker[]) {}

  /** Per held set: each worker's share as an image range [a, b). */
  private readonly held = new Map<string, Array<readonly [number, number]>>();

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
    const weights = weightArrays(net);
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
      if (r.kind !== 'grads') unexpected();
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

  /** Gives each worker its share of a set of n planes (whole batches of EPOCH_END_BATCH, in order), kept for the run:
   *  a view when x lies in a SharedArrayBuffer (no copy), else a copy. */
  async hold(name: string, x: Float32Array, male: ArrayLike<boolean>, n: number, height: number, width: number): Promise<void> {
    const plane = height * width;
    const batches = Math.ceil(n / EPOCH_END_BATCH);
    const count = this.workers.length;
    const ranges = this.workers.map((_, k) => {
      const edge = (j: number) => Math.min(n, Math.floor((j * batches) / count) * EPOCH_END_BATCH);
      return [edge(k), edge(k + 1)] as const;
    });
    await Promise.all(this.workers.map((w, k) => {
      const [a, b] = ranges[k];
      const shared = x.buffer instanceof SharedArrayBuffer;
      const part = shared ? x.subarray(a * plane, b * plane) : x.slice(a * plane, b * plane);
      return this.request(w, { kind: 'hold', name, x: part, male: Array.from(male).slice(a, b), height, width }, shared ? [] : [part.buffer as ArrayBuffer]);
    }));
    this.held.set(name, ranges);
  }

  /** BatchNorm layer `layer`'s (k-th of the network's) input sums over every batch of a held set, in order. */
  async batchNormSums(net: tfl.LayersModel, name: string, layer: number): Promise<ChannelSums[]> {
    const replies = await this.onHeld(name, { kind: 'bnSums', weights: weightArrays(net), name, layer });
    return replies.flatMap((r) => (r.kind === 'sums' ? r.sums : unexpected()));
  }

  /** The network's estimates (training/validate.ts predictPlanes) of every plane of a held set, in order. */
  async predict(net: tfl.LayersModel, name: string, input: InputSpec, output: OutputSpec): Promise<Float32Array> {
    const replies = await this.onHeld(name, { kind: 'predict', weights: weightArrays(net), name, input, output });
    const ranges = this.held.get(name)!;
    const pred = new Float32Array(ranges[ranges.length - 1][1]);
    replies.forEach((r, k) => pred.set(r.kind === 'preds' ? r.pred : unexpected(), ranges[k][0]));
    return pred;
  }

  private onHeld(name: string, msg: ToWorker): Promise<FromWorker[]> {
    if (!this.held.has(name)) throw new Error(`training workers hold no set "${name}"`);
    return Promise.all(this.workers.map((w) => this.request(w, msg)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function weightArrays(net: tfl.LayersModel): Float32Array[] {
  return net.weights.map((w) => w.read().dataSync() as Float32Array);
}

function unexpected(): never {
  throw new Error('training worker: unexpected reply');
}
