import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { ROI_SLOTS, VALUES_PER_SLOT } from './constants';
import type { LocaliserConfig } from './types';

/**
 * The localiser: a small CNN on the same 100×100 z-scored plane as the age model, regressing every slot's
 * box directly (ROI_SLOTS order). Output [B, 17·5]: per slot cx, cy, w, h as fractions of the input frame,
 * then a confidence logit (trained toward the IoU the box reaches). A dense head rather than a heat map:
 * the 17 boxes have a fixed anatomy, and the dense layer learns it from few hands.
 * Fixed input size (flatten), unlike BoNet: every image goes through preprocess to 100×100 first.
 */
export function buildLocaliser(config: LocaliserConfig, side = 100, seed = 1, meanTargets?: Float32Array): tfl.LayersModel {
  const input = tfl.input({ shape: [side, side, 1], name: 'radiograph' });
  let x = input as tfl.SymbolicTensor;
  let s = seed;
  const init = () => tfl.initializers.heNormal({ seed: s++ });
  config.trunk.forEach(({ filters, kernel, stride, pool }, i) => {
    x = tfl.layers.conv2d({ name: `conv${i + 1}`, filters, kernelSize: kernel, strides: stride, padding: 'same', useBias: false, kernelInitializer: init() }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.batchNormalization({ name: `bn${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reLU({ name: `relu${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    if (pool) x = tfl.layers.maxPooling2d({ name: `pool${i + 1}`, poolSize: 2, strides: 2 }).apply(x) as tfl.SymbolicTensor;
  });
  x = tfl.layers.conv2d({ name: 'squeeze', filters: config.squeeze, kernelSize: 1, activation: 'relu', kernelInitializer: init() }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.flatten({ name: 'flatten' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ name: 'hidden', units: config.hidden, activation: 'relu', kernelInitializer: init() }).apply(x) as tfl.SymbolicTensor;
  if (config.dropout > 0) x = tfl.layers.dropout({ name: 'hidden_dropout', rate: config.dropout }).apply(x) as tfl.SymbolicTensor;
  // A near-zero output kernel: the boxes start where the bias puts them (the mean box, below). A full-size random
  // kernel starts them all over the image, and the quickest way back to the mean is to silence the hidden layer
  // (dead ReLUs) — the network then never leaves the mean box.
  const out = tfl.layers
    .dense({ name: 'boxes', units: ROI_SLOTS.length * VALUES_PER_SLOT, kernelInitializer: tfl.initializers.randomNormal({ mean: 0, stddev: 1e-3, seed: s++ }), biasInitializer: 'zeros' })
    .apply(x) as tfl.SymbolicTensor;
  const model = tfl.model({ inputs: input, outputs: out, name: 'tw_localiser' });
  if (meanTargets) {
    // Start every box at the training set's mean box (score logit 0): the head then learns offsets from the
    // average hand instead of growing boxes from nothing, which is what makes few hands enough.
    const head = model.getLayer('boxes');
    const [kernel, bias] = head.getWeights();
    const b = new Float32Array(bias.size);
    for (let i = 0; i < ROI_SLOTS.length; i++) b.set(meanTargets.subarray(i * 4, i * 4 + 4), i * VALUES_PER_SLOT);
    const fresh = tf.tensor1d(b);
    head.setWeights([kernel, fresh]);
    fresh.dispose(); // getWeights hands back the live variables: not ours to dispose
  }
  return model;
}
