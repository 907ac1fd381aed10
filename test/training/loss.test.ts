import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildBoNet } from '../../core/model/bonet';
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

  it('weighs the cells by the softmax of the logit channel on a model with cell weights, and trains that channel', async () => {
    await tf.setBackend('cpu');
    const net = buildBoNet({ convLayers: [{ filters: 4, kernel: 3, stride: 1, pool: true }], deformAfter: null, batchNorm: false, head: { filters: 8, kernel: 3, dropout: 0 }, sexHeads: true, cellWeights: true }, 2);
    const logit = net.getLayer('cell_logit');
    logit.setWeights([tf.randomNormal(logit.getWeights()[0].shape, 0, 0.5, 'float32', 4), tf.tensor1d([0.1])]);
    const x = tf.randomNormal([2, 12, 12, 1], 0, 1, 'float32', 5) as tf.Tensor4D;
    const { pred } = mapMeanLoss(net, x, tf.tensor1d([0, 0]), tf.tensor1d([1, 0]));
    const out = net.predict(x) as tf.Tensor4D; // [2, 4, 4, 3]: boy, girl, logit
    const v = await out.data();
    const expected = [0, 1].map((b) => {
      const ch = b === 0 ? 0 : 1; // image 0 is a boy, image 1 a girl
      const cells = Array.from({ length: 16 }, (_, i) => ({ age: v[(b * 16 + i) * 3 + ch], e: Math.exp(v[(b * 16 + i) * 3 + 2]) }));
      const z = cells.reduce((s, c) => s + c.e, 0);
      return cells.reduce((s, c) => s + (c.e / z) * c.age, 0);
    });
    const p = Array.from(await pred.data());
    expect(p[0]).toBeCloseTo(expected[0], 5);
    expect(p[1]).toBeCloseTo(expected[1], 5);
    const kernel = (logit.trainableWeights[0] as unknown as { val: tf.Variable }).val;
    const { grads } = tf.variableGrads(() => mapMeanLoss(net, x, tf.tensor1d([1, -1]), tf.tensor1d([1, 0])).loss, [kernel]);
    expect(Math.max(...Array.from((await tf.abs(grads[kernel.name]).data()) as Float32Array))).toBeGreaterThan(0);
  });
});

describe('mapMeanLoss with kind l1', () => {
  it('is the mean absolute error of the same predictions', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor4d([1, 1, 1, 1, 2, 2, 2, 2], [2, 2, 2, 1]);
    const { loss, pred } = mapMeanLoss(twoChannelNet(), x, tf.tensor1d([0, 10]), tf.tensor1d([1, 0]), 'l1');
    expect(Array.from(await pred.data())).toEqual([2, 6]);
    expect((await loss.data())[0]).toBeCloseTo((2 + 4) / 2, 5);
  });
});
