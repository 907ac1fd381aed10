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

/** A stage before its weights are read: which layers make it. */
export interface StagePlan {
  name: string;
  conv: tfl.layers.Layer;
  bn: tfl.layers.Layer | null;
  strides: [number, number];
  padding: 'same' | 'valid';
  relu: boolean;
  pool: boolean;
}

const isLinear1x1 = (layer: tfl.layers.Layer): boolean => {
  const cfg = layer.getConfig() as Record<string, unknown>;
  return layer.getClassName() === 'Conv2D' && pair(cfg.kernelSize).every((k) => k === 1) && String(cfg.activation ?? 'linear') === 'linear';
};

const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : [Number(v), Number(v)]);

/**
 * Reads the structure of a chain-shaped LayersModel (BoNet: conv/BN/ReLU/pool ×4, then fc_conv with
 * ReLU) into rectified conv stages — configuration only, no tensor is touched, so the page can ask for
 * the layer names at any time. A trailing conv without ReLU (BoNet's 1×1 age_map) is the output, not a
 * feature layer, and is left out; dropout is the identity at inference. Anything else is refused with its name.
 */
export function planStages(model: tfl.LayersModel): StagePlan[] {
  const plans: StagePlan[] = [];
  const last = () => plans[plans.length - 1];
  const fail = (layer: tfl.layers.Layer, why: string): never => {
    throw new Error(`The deconvnet cannot follow layer "${layer.name}" (${layer.getClassName()}): ${why}.`);
  };
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const cfg = layer.getConfig() as Record<string, unknown>;
    if (cls === 'InputLayer' || cls === 'Dropout') continue;
    // The output head may be two linear 1×1 convs side by side (age map and cell logits) joined by a
    // Concatenate (BoNetConfig.cellWeights): output, not features.
    if (cls === 'Concatenate' && plans.length && !last().relu) continue;
    if (cls === 'Conv2D') {
      if (plans.length && !last().relu && !(isLinear1x1(layer) && isLinear1x1(last().conv))) fail(layer, 'a conv without ReLU may only come last');
      if (pair(cfg.dilationRate ?? 1).some((d) => d !== 1)) fail(layer, 'dilated convolutions are not supported');
      if ((cfg.dataFormat ?? 'channelsLast') !== 'channelsLast') fail(layer, 'only channels-last is supported');
      if (cfg.padding !== 'same' && cfg.padding !== 'valid') fail(layer, `padding "${String(cfg.padding)}" is not supported`);
      const act = String(cfg.activation ?? 'linear');
      if (act !== 'linear' && act !== 'relu') fail(layer, `activation "${act}" is not supported`);
      plans.push({ name: layer.name, conv: layer, bn: null, strides: pair(cfg.strides ?? 1), padding: cfg.padding as 'same' | 'valid', relu: act === 'relu', pool: false });
      continue;
    }
    if (!plans.length) fail(layer, 'it comes before the first conv');
    const p = last();
    if (cls === 'BatchNormalization') {
      if (p.relu || p.pool || p.bn) fail(layer, 'BatchNorm must sit between a conv and its ReLU');
      p.bn = layer;
    } else if (cls === 'ReLU' || (cls === 'Activation' && cfg.activation === 'relu')) {
      if (cfg.maxValue != null) fail(layer, 'a capped ReLU is not supported');
      p.relu = true;
    } else if (cls === 'MaxPooling2D') {
      const ok = pair(cfg.poolSize).every((v) => v === 2) && pair(cfg.strides ?? cfg.poolSize).every((v) => v === 2) && (cfg.padding ?? 'valid') === 'valid';
      if (!ok) fail(layer, 'only 2×2, stride-2, valid max pooling is supported');
      if (!p.relu || p.pool) fail(layer, 'max pooling must follow a ReLU');
      p.pool = true;
    } else {
      fail(layer, 'not a conv, BatchNorm, ReLU, max-pool or dropout layer');
    }
  }
  // The trailing linear conv (the age map) is the output, not a rectified feature layer.
  while (plans.length && !last().relu) plans.pop();
  if (!plans.length) throw new Error('The model has no rectified conv layer to project from.');
  return plans;
}

/** The stages with their weights, BatchNorm folded in — tensor ops only (no read-back), on the current backend.
 *  The returned tensors belong to the caller (Deconvnet disposes them). */
export function stagesFromLayersModel(model: tfl.LayersModel): DeconvStage[] {
  return planStages(model).map((p) =>
    tf.tidy(() => {
      const cfg = p.conv.getConfig() as Record<string, unknown>;
      const [w, b] = p.conv.getWeights();
      const out = w.shape[3] as number;
      let scale: tf.Tensor = tf.ones([out]);
      let shift: tf.Tensor = cfg.useBias && b ? b : tf.zeros([out]);
      if (p.bn) {
        const bc = p.bn.getConfig() as Record<string, unknown>;
        const weights = p.bn.getWeights();
        let i = 0;
        const gamma = bc.scale === false ? null : weights[i++];
        const beta = bc.center === false ? null : weights[i++];
        const [mean, variance] = [weights[i++], weights[i++]];
        const s = tf.div(gamma ?? tf.onesLike(mean), tf.sqrt(tf.add(variance, Number(bc.epsilon ?? 1e-3))));
        shift = tf.add(tf.mul(s, tf.sub(shift, mean)), beta ?? tf.zerosLike(mean));
        scale = s;
      }
      return {
        name: p.name,
        kernel: tf.mul(w, scale) as tf.Tensor4D,
        shift: tf.reshape(shift, [out]) as tf.Tensor1D,
        strides: p.strides,
        padding: p.padding,
        pool: p.pool,
      };
    }),
  );
}
