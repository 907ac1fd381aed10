import type { BoNetConfig, OutputSpec } from '../../core/model/types';
import type { InputSpec } from '../../core/pipeline/types';
import type { ChannelSums } from '../precise-bn';
import type { LossKind } from '../loss';

/** The network a worker trains: BoNet (`config`), or the R1 benchmark workload (config ignored). */
export type WorkerModel = 'bonet' | 'r1';

/** Main → worker. */
export type ToWorker =
  | { kind: 'init'; config: BoNetConfig; seed: number; backend?: string; model?: WorkerModel; loss?: LossKind; fusedBatchNorm?: boolean }
  // seed: Math.random's seed while the shard's loss is built, so its dropout masks replay (training/step-random.ts).
  | { kind: 'step'; weights: Float32Array[]; x: Float32Array; y: Float32Array; male: Float32Array; n: number; height: number; width: number; seed?: number }
  // The epoch-end passes: a worker keeps its share of a named set (whole batches, training/validate.ts) for the run,
  // then reads it with the weights sent: one BatchNorm layer's input sums per batch (precise BN), or the estimates.
  | { kind: 'hold'; name: string; x: Float32Array; male: boolean[]; height: number; width: number }
  | { kind: 'bnSums'; weights: Float32Array[]; name: string; layer: number }
  | { kind: 'predict'; weights: Float32Array[]; name: string; input: InputSpec; output: OutputSpec }
  | { kind: 'stop' };

/** Worker → main. Gradients are in the order of the network's trainable weights. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'grads'; grads: Float32Array[]; loss: number; pred: Float32Array }
  | { kind: 'held' }
  | { kind: 'sums'; sums: ChannelSums[] }
  | { kind: 'preds'; pred: Float32Array }
  | { kind: 'error'; message: string };
