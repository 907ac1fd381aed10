import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormLayers, batchNormProbe, channelSumsOf, recalibrateBatchNorm, recalibrateBatchNormWith } from '../../training/precise-bn';
import { maxAbsDiff, useBackend } from '../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

describe('recalibrateBatchNorm', () => {
  it('sets each BatchNorm layer’s moving statistics to those of its input over the given batches', () => {
    const input = tfl.input({ shape: [null, null, 1] });
    const conv = tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', kernelInitializer: tfl.initializers.randomNormal({ seed: 1 }) });
    const c = conv.apply(input) as tfl.SymbolicTensor;
    const bn = tfl.layers.batchNormalization();
    const net = tfl.model({ inputs: input, outputs: bn.apply(c) as tfl.SymbolicTensor });
    const batches = [tf.randomNormal([4, 6, 6, 1], 2, 3, 'float32', 2), tf.randomNormal([2, 6, 6, 1], 2, 3, 'float32', 3)] as tf.Tensor4D[];
    expect(recalibrateBatchNorm(net, batches)).toBe(1);
    const acts = tf.concat(batches.map((x) => conv.apply(x) as tf.Tensor), 0);
    const { mean, variance } = tf.moments(acts, [0, 1, 2]);
    const [, , movingMean, movingVar] = bn.getWeights();
    expect(maxAbsDiff(movingMean.dataSync(), mean.dataSync())).toBeLessThan(1e-4);
    expect(maxAbsDiff(movingVar.dataSync(), variance.dataSync())).toBeLessThan(1e-3);
  });

  it('gives the same statistics from per-batch sums computed elsewhere (the workers’ path), layer after layer', async () => {
    const make = () => {
      const input = tfl.input({ shape: [null, null, 1] });
      let a = input as tfl.SymbolicTensor;
      for (let k = 0; k < 2; k++) {
        a = tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', kernelInitializer: tfl.initializers.randomNormal({ seed: 10 + k }) }).apply(a) as tfl.SymbolicTensor;
        a = tfl.layers.batchNormalization().apply(a) as tfl.SymbolicTensor;
      }
      return tfl.model({ inputs: input, outputs: a });
    };
    const [here, elsewhere] = [make(), make()];
    const batches = [tf.randomNormal([3, 5, 5, 1], 1, 2, 'float32', 4), tf.randomNormal([2, 5, 5, 1], 1, 2, 'float32', 5)] as tf.Tensor4D[];
    recalibrateBatchNorm(here, batches);
    const layersSeen: number[] = [];
    // The sums of layer k are read with layer k−1's new statistics already set, as a worker receiving the weights would.
    const n = await recalibrateBatchNormWith(elsewhere, async (k) => {
      layersSeen.push(k);
      const probe = batchNormProbe(elsewhere, batchNormLayers(elsewhere)[k]);
      return batches.map((x) => channelSumsOf(probe, x));
    });
    expect(n).toBe(2);
    expect(layersSeen).toEqual([0, 1]);
    const stats = (m: tfl.LayersModel) => batchNormLayers(m).flatMap((l) => l.getWeights().slice(2).flatMap((t) => Array.from(t.dataSync())));
    expect(stats(elsewhere)).toEqual(stats(here));
    expect(stats(here)[0]).not.toBe(0);
  });
});
