import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * "Precise BN": replaces each BatchNorm layer's moving mean/variance with statistics measured over
 * `batches` of training data with the current weights, layer by layer (a layer's input depends on
 * the layers before it). The exponential moving averages tfjs keeps lag behind fast-changing
 * weights; measured after epoch 1 here, the lag alone biased validation estimates by ~30 months.
 */
export function recalibrateBatchNorm(net: tfl.LayersModel, batches: tf.Tensor4D[]): number {
  const bns = net.layers.filter((l) => l.getClassName() === 'BatchNormalization');
  for (const bn of bns) {
    const probe = tfl.model({ inputs: net.inputs, outputs: bn.input as tfl.SymbolicTensor });
    const channels = (bn.input as tfl.SymbolicTensor).shape[3] as number;
    const sum = new Float64Array(channels);
    const sumSq = new Float64Array(channels);
    let count = 0;
    for (const x of batches) {
      const [m, s2, n] = tf.tidy(() => {
        const a = probe.predict(x) as tf.Tensor4D;
        return [tf.sum(a, [0, 1, 2]).dataSync(), tf.sum(tf.square(a), [0, 1, 2]).dataSync(), a.size / channels] as const;
      });
      for (let c = 0; c < channels; c++) {
        sum[c] += m[c];
        sumSq[c] += s2[c];
      }
      count += n;
    }
    const mean = Float32Array.from(sum, (v) => v / count);
    const variance = Float32Array.from(sumSq, (v, c) => Math.max(0, v / count - mean[c] * mean[c]));
    const [gamma, beta] = bn.getWeights();
    const stats = [tf.tensor1d(mean), tf.tensor1d(variance)];
    bn.setWeights([gamma, beta, ...stats]);
    tf.dispose(stats);
  }
  return bns.length;
}
