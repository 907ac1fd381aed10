import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/**
 * One rectified layer of a plain conv net, as the deconvnet sees it: conv → per-channel affine →
 * ReLU → (optional) 2×2/2 max pool. BatchNorm (inference form) is folded into the conv: BN(conv(x, W) + b)
 * = conv(x, W·s) + t with s = γ/√(σ²+ε), t = s·(b − μ) + β. W·s is the layer's effective linear
 * map, so it is also the filter the deconvnet transposes; t only shifts the forward activations
 * (Zeiler & Fergus project with the filters alone, no biases).
 */
export interface DeconvStage {
  /** The conv layer's name, e.g. "conv3": what the page's layer picker and legend show. */
  name: string;
  /** [kh, kw, inChannels, outChannels], BN scale folded in. */
  kernel: tf.Tensor4D;
  /** [outChannels]: bias and BN shift, forward pass only. */
  shift: tf.Tensor1D;
  strides: [number, number];
  padding: 'same' | 'valid';
  /** A 2×2, stride-2, valid max pool follows the ReLU. */
  pool: boolean;
}

interface Building {
  name: string;
  kernel: tf.Tensor4D;
  scale: Float32Array;
  shift: Float32Array;
  strides: [number, number];
  padding: 'same' | 'valid';
  relu: boolean;
  pool: boolean;
}

const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : [Number(v), Number(v)]);

/**
 * Reads the rectified conv stages of a chain-shaped LayersModel (BoNet: conv/BN/ReLU/pool ×4, then
 * fc_conv with ReLU). A trailing conv without ReLU (BoNet's 1×1 age_map) is the output, not a feature
 * layer, and is left out; dropout is the identity at inference. Anything else is refused with its name.
 * The returned tensors belong to the caller (Deconvnet disposes them).
 */
export function stagesFromLayersModel(model: tfl.LayersModel): DeconvStage[] {
  const built: Building[] = [];
  const last = () => built[built.length - 1];
  const fail = (layer: tfl.layers.Layer, why: string): never => {
    built.forEach((b) => b.kernel.dispose());
    throw new Error(`The deconvnet cannot follow layer "${layer.name}" (${layer.getClassName()}): ${why}.`);
  };
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const cfg = layer.getConfig() as Record<string, unknown>;
    if (cls === 'InputLayer' || cls === 'Dropout') continue;
    if (cls === 'Conv2D') {
      if (built.length && !last().relu) fail(layer, 'a conv without ReLU may only come last');
      if (pair(cfg.dilationRate ?? 1).some((d) => d !== 1)) fail(layer, 'dilated convolutions are not supported');
      if ((cfg.dataFormat ?? 'channelsLast') !== 'channelsLast') fail(layer, 'only channels-last is supported');
      const act = String(cfg.activation ?? 'linear');
      if (act !== 'linear' && act !== 'relu') fail(layer, `activation "${act}" is not supported`);
      if (cfg.padding !== 'same' && cfg.padding !== 'valid') fail(layer, `padding "${String(cfg.padding)}" is not supported`);
      const weights = layer.getWeights();
      const kernel = tf.clone(weights[0]) as tf.Tensor4D;
      const out = kernel.shape[3];
      built.push({
        name: layer.name,
        kernel,
        scale: new Float32Array(out).fill(1),
        shift: cfg.useBias ? (weights[1].dataSync() as Float32Array).slice() : new Float32Array(out),
        strides: pair(cfg.strides ?? 1),
        padding: cfg.padding as 'same' | 'valid',
        relu: act === 'relu',
        pool: false,
      });
      continue;
    }
    if (!built.length) fail(layer, 'it comes before the first conv');
    const b = last();
    if (cls === 'BatchNormalization') {
      if (b.relu || b.pool) fail(layer, 'BatchNorm must sit between a conv and its ReLU');
      const w = layer.getWeights().map((t) => t.dataSync() as Float32Array);
      let i = 0;
      const gamma = cfg.scale === false ? null : w[i++];
      const beta = cfg.center === false ? null : w[i++];
      const [mean, variance] = [w[i++], w[i++]];
      const eps = Number(cfg.epsilon ?? 1e-3);
      for (let c = 0; c < b.scale.length; c++) {
        const s = (gamma ? gamma[c] : 1) / Math.sqrt(variance[c] + eps);
        b.shift[c] = s * (b.shift[c] - mean[c]) + (beta ? beta[c] : 0);
        b.scale[c] *= s;
      }
    } else if (cls === 'ReLU' || (cls === 'Activation' && cfg.activation === 'relu')) {
      if (cfg.maxValue != null) fail(layer, 'a capped ReLU is not supported');
      b.relu = true;
    } else if (cls === 'MaxPooling2D') {
      const ok = pair(cfg.poolSize).every((v) => v === 2) && pair(cfg.strides ?? cfg.poolSize).every((v) => v === 2) && (cfg.padding ?? 'valid') === 'valid';
      if (!ok) fail(layer, 'only 2×2, stride-2, valid max pooling is supported');
      if (!b.relu || b.pool) fail(layer, 'max pooling must follow a ReLU');
      b.pool = true;
    } else {
      fail(layer, 'not a conv, BatchNorm, ReLU, max-pool or dropout layer');
    }
  }
  // The trailing linear conv (the age map) is the output, not a rectified feature layer.
  while (built.length && !last().relu) built.pop()!.kernel.dispose();
  if (!built.length) throw new Error('The model has no rectified conv layer to project from.');
  return built.map((b) => {
    const kernel = tf.tidy(() => tf.mul(b.kernel, tf.tensor1d(b.scale)) as tf.Tensor4D);
    b.kernel.dispose();
    return { name: b.name, kernel, shift: tf.tensor1d(b.shift), strides: b.strides, padding: b.padding, pool: b.pool };
  });
}
