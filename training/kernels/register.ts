import * as tf from '@tensorflow/tfjs-core';
import { batchNormGradBroadcast } from './batch-norm-grad';
import { batchNormTrainGradient, batchNormTrainGradWasm, batchNormTrainWasm } from './batch-norm-train';
import { conv2dBackpropFilterViaForward } from './conv2d-backprop-filter';
import { conv2dBackpropFilterIm2col } from './conv2d-backprop-filter-im2col';
import { conv2dBackpropInputViaForward } from './conv2d-backprop-input';
import { maxPoolGradWasm } from './max-pool-grad';
import { unsortedSegmentSumWasm } from './unsorted-segment-sum';

let registered = false;

/** Registers the project's training kernels for the wasm backend, and the faster BatchNorm
 *  gradient for every backend (idempotent). The fused training BatchNorm kernels are registered
 *  too, but layers use them only after useFusedBatchNormTraining(true) (train --fused-batchnorm). */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  const stockInput = tf.getKernel(tf.Conv2DBackpropInput, 'wasm');
  if (!stockInput) throw new Error('The wasm backend must be imported before registering training kernels.');
  for (const cfg of [
    conv2dBackpropFilterIm2col(conv2dBackpropFilterViaForward('wasm').kernelFunc),
    conv2dBackpropInputViaForward('wasm', stockInput.kernelFunc),
    unsortedSegmentSumWasm,
    maxPoolGradWasm,
    batchNormTrainWasm,
    batchNormTrainGradWasm,
  ]) {
    if (tf.getKernel(cfg.kernelName, cfg.backendName)) tf.unregisterKernel(cfg.kernelName, cfg.backendName);
    tf.registerKernel(cfg);
  }
  tf.registerGradient(batchNormGradBroadcast);
  tf.registerGradient(batchNormTrainGradient);
}
