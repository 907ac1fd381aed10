import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { mapMeanLoss } from '../../training/loss';

/** A 1×1 conv whose channels are 2·x (boy) and 3·x (girl): the chosen channel is visible in the prediction. */
function twoChannelNet(): tfl.LayersModel {
  const net = tfl.sequential({ layers: [tfl.layers.conv2d({ inputShape: [2, 2, 1], filters: 2, kernelSize: 1, useBias: false })] });
  net.layers[0].setWeights([tf.tensor4d([2, 3], [1, 1, 1, 2])]);
  return net;
}

describe('mapMeanLoss', () => {
  it('picks each image\'s sex channel on a two-channel map', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor4d([1, 1, 1, 1, 2, 2, 2, 2], [2, 2, 2, 1]); // image means 1 and 2
    const { loss, pred } = mapMeanLoss(twoChannelNet(), x, tf.tensor1d([0, 0]), tf.tensor1d([1, 0]));
    expect(Array.from(await pred.data())).toEqual([2, 6]); // boy reads 2·1, girl reads 3·2
    expect((await loss.data())[0]).toBeCloseTo((4 + 36) / 2, 5);
  });

  it('refuses a two-channel map without the sexes', () => {
    const x = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
    expect(() => mapMeanLoss(twoChannelNet(), x, tf.tensor1d([0]))).toThrow(/sex channels/);
  });
});
