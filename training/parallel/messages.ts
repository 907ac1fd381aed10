import type { BoNetConfig } from '../../core/model/types';
import type { LossKind } from '../loss';

/** The network a worker trains: BoNet (`config`), or the R1 benchmark workload (config ignored). */
export type WorkerModel = 'bonet' | 'r1';

/** Main → worker. */
export type ToWorker =
  | { kind: 'init'; config: BoNetConfig; seed: number; backend?: string; model?: WorkerModel; loss?: LossKind; fusedBatchNorm?: boolean }
  // seed: Math.random's seed while the shard's loss is built, so its dropout masks replay (training/step-random.ts).
  | { kind: 'step'; weights: Float32Array[]; x: Float32Array; y: Float32Array; male: Float32Array; n: number; height: number; width: number; seed?: number }
  | { kind: 'stop' };

/** Worker → main. Gradients are in the order of the network's trainable weights. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'grads'; grads: Float32Array[]; loss: number; pred: Float32Array }
  | { kind: 'error'; message: string };
