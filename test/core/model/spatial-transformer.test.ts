import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { affineSample, buildBoNet, DEFAULT_BONET, SpatialTransformer } from '../../../core/model';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

const ramp = (h: number, w: number) => tf.tensor4d(Float32Array.from({ length: h * w }, (_, i) => (i * 37) % 11), [1, h, w, 1]);

describe('affineSample', () => {
  it('reproduces the input for the identity', () => {
    const x = ramp(5, 7);
    const y = affineSample(x, tf.tensor2d([[1, 0, 0, 0, 1, 0]]));
    expect(maxAbsDiff(y.dataSync(), x.dataSync())).toBeLessThan(1e-5);
  });
  it('shifts by one pixel for a translation of 2/W, with zeros coming in', () => {
    const x = ramp(3, 4);
    const y = affineSample(x, tf.tensor2d([[1, 0, 2 / 4, 0, 1, 0]])).arraySync()[0];
    const xs = x.arraySync()[0];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(y[i][j][0]).toBeCloseTo(xs[i][j + 1][0], 5);
      expect(y[i][3][0]).toBe(0);
    }
  });
  it('has gradients in x and theta matching finite differences', () => {
    const x = tf.randomNormal([2, 6, 5, 2], 0, 1, 'float32', 3) as tf.Tensor4D;
    // Irregular values: a grid point landing exactly on a pixel centre is a kink that finite differences straddle.
    const theta = tf.tensor2d([[0.931, 0.0713, 0.0371, -0.0832, 1.071, -0.0291], [1.047, -0.1131, 0.0213, 0.0973, 0.9511, 0.0687]]);
    const w = tf.randomNormal([2, 6, 5, 2], 0, 1, 'float32', 4);
    const f = (xx: tf.Tensor4D, th: tf.Tensor2D) => tf.sum(tf.mul(affineSample(xx, th), w)) as tf.Scalar;
    const [gx, gt] = tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a as tf.Tensor4D, b as tf.Tensor2D))([x, theta]);
    const eps = 1e-3;
    const td = theta.dataSync();
    const gtd = gt.dataSync();
    for (let k = 0; k < 12; k++) {
      const p = td.slice(), m = td.slice();
      p[k] += eps;
      m[k] -= eps;
      const num = (f(x, tf.tensor2d(p, [2, 6])).dataSync()[0] - f(x, tf.tensor2d(m, [2, 6])).dataSync()[0]) / (2 * eps);
      // float32 sums over 120 terms: compare relative to the magnitude
      expect(Math.abs(gtd[k] - num)).toBeLessThan(0.02 * Math.max(1, Math.abs(num)));
    }
    const xd = x.dataSync(), gxd = gx.dataSync();
    for (const k of [0, 7, 23, 41, 59]) {
      const p = xd.slice(), m = xd.slice();
      p[k] += eps;
      m[k] -= eps;
      const num = (f(tf.tensor4d(p, x.shape), theta).dataSync()[0] - f(tf.tensor4d(m, x.shape), theta).dataSync()[0]) / (2 * eps);
      expect(gxd[k]).toBeCloseTo(num, 2);
    }
  });
});

describe('SpatialTransformer layer', () => {
  it('starts as the identity', () => {
    const layer = new SpatialTransformer();
    const x = ramp(8, 8);
    const y = layer.apply(x) as tf.Tensor;
    expect(maxAbsDiff(y.dataSync(), x.dataSync())).toBeLessThan(1e-6);
  });
  it('serialises and loads (registerClass) with identical outputs', async () => {
    const net = buildBoNet({ ...DEFAULT_BONET, deformAfter: 1 });
    // Move the transform off the identity so the round trip is a real check.
    const deform = net.getLayer('deform');
    deform.setWeights(deform.getWeights().map((w) => tf.add(w, tf.randomNormal(w.shape, 0, 0.05, 'float32', 9))));
    let saved!: tf.io.ModelArtifacts;
    await net.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) })));
    expect(JSON.stringify(saved.modelTopology)).toContain('BoNetSpatialTransformer');
    const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved));
    const x = tf.randomNormal([1, 100, 100, 1], 0, 1, 'float32', 11);
    const a = (net.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(maxAbsDiff(a, b)).toBe(0);
  });
});
