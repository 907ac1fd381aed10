import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { recalibrateBatchNorm } from '../../training/precise-bn';
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
});
