import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoNet, DEFAULT_BONET, mapSideFor } from '../../../core/model';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

describe('buildBoNet', () => {
  it.each([
    [100, 100],
    [128, 96],
    [160, 208],
  ])('maps a %i×%i input to the predicted map size', (h, w) => {
    const net = buildBoNet(DEFAULT_BONET);
    const out = net.predict(tf.zeros([2, h, w, 1])) as tf.Tensor;
    const side = (n: number) => mapSideFor(n, DEFAULT_BONET.convLayers, DEFAULT_BONET.head.kernel);
    expect(out.shape).toEqual([2, side(h), side(w), 1]);
    tf.dispose(out);
    net.dispose();
  });

  it.each([[-1], [1], [3]])('places a deformation layer after trunk layer %i without changing the map size', (at) => {
    const net = buildBoNet({ ...DEFAULT_BONET, deformAfter: at });
    expect(net.layers.some((l) => l.getClassName() === 'BoNetSpatialTransformer')).toBe(true);
    const out = net.predict(tf.randomNormal([1, 100, 100, 1])) as tf.Tensor;
    expect(out.shape).toEqual([1, 10, 10, 1]);
    tf.dispose(out);
    net.dispose();
  });

  it('is deterministic for a seed', () => {
    const a = buildBoNet(DEFAULT_BONET, 5), b = buildBoNet(DEFAULT_BONET, 5);
    const wa = a.getWeights()[0].dataSync(), wb = b.getWeights()[0].dataSync();
    expect(Array.from(wa)).toEqual(Array.from(wb));
    a.dispose();
    b.dispose();
  });
});
