import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoNet, DEFAULT_BONET, THUMBNAIL_INPUT } from '../../../core/model';
import { Deconvnet, learnedRois } from '../../../core/roi';
import { maxAbsDiff, useBackend } from '../../helpers/tf-backends';

const plane = (w: number, h: number, on: Array<[number, number, number]>) => {
  const data = new Float32Array(w * h);
  for (const [row, col, v] of on) data[row * w + col] = v;
  return { width: w, height: h, data };
};

/**
 * 5×5 input → convA 2×2 valid (K = [[1,2],[3,4]]) → ReLU → pool 2×2 → convB 1×1 with two maps (×2 and ×−1) → ReLU.
 * Worked by hand in the tests below.
 */
function tinyNet(): tfl.LayersModel {
  const m = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [5, 5, 1], filters: 1, kernelSize: 2, padding: 'valid', useBias: false, name: 'convA' }),
      tfl.layers.reLU({ name: 'reluA' }),
      tfl.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'poolA' }),
      tfl.layers.conv2d({ filters: 2, kernelSize: 1, useBias: false, activation: 'relu', name: 'convB' }),
    ],
  });
  m.setWeights([tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]), tf.tensor4d([2, -1], [1, 1, 1, 2])]);
  return m;
}

describe.each(['cpu', 'wasm'] as const)('Deconvnet on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('projects a hand-set network exactly as worked by hand', async () => {
    const model = tinyNet();
    const net = Deconvnet.fromLayersModel(model);
    model.dispose();
    expect(net.layerNames).toEqual(['convA', 'convB']);
    // One bright pixel at (1,3). convA(x)[i][j] = Σ K[a][b]·x[i+a][j+b] → 4 at (0,2), 3 at (0,3), 2 at (1,2), 1 at (1,3).
    // Pool window (0,1) keeps 4, switch at (0,2). convB map 0 = 2·4 = 8 at (0,1); map 1 = −4 → 0: never fires.
    const rec = await net.forward(plane(5, 5, [[1, 3, 1]]));
    expect(Array.from(rec.layers[0].activation)).toEqual([0, 0, 4, 3, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const [p, ...rest] = await net.project(rec, 'convB', 2);
    expect(rest).toEqual([]); // k = 2 but map 1 is dead
    expect({ map: p.map, activation: p.activation, row: p.row, col: p.col }).toEqual({ map: 0, activation: 8, row: 0, col: 1 });
    // Down: 1×1 transposed → 8·2 = 16 at pooled (0,1); unpool to its switch (0,2); rectify; 2×2 transposed:
    // recon[0+a][2+b] = 16·K[a][b] → 16 at (0,2), 32 at (0,3), 48 at (1,2), 64 at (1,3).
    const expected = plane(5, 5, [[0, 2, 16], [0, 3, 32], [1, 2, 48], [1, 3, 64]]).data;
    expect(maxAbsDiff(p.pixels, expected)).toBeLessThan(1e-5);
    // From convA itself: the strongest unit (0,2) = 4, straight through the transposed filter.
    const [a] = await net.project(rec, 'convA', 1);
    expect(maxAbsDiff(a.pixels, plane(5, 5, [[0, 2, 4], [0, 3, 8], [1, 2, 12], [1, 3, 16]]).data)).toBeLessThan(1e-5);
    net.dispose();
  });

  it('takes the switches from the forward pass of this image', async () => {
    const model = tinyNet();
    const net = Deconvnet.fromLayersModel(model);
    model.dispose();
    // Image 2: bright pixel at (2,4) → convA 4 at (1,3), 2 at (2,3). convB's strongest unit is again map 0,
    // (0,1), value 8 — the same start as image 1 — but this image's switch is (1,3), not (0,2).
    const one = (await net.project(await net.forward(plane(5, 5, [[1, 3, 1]])), 'convB', 1))[0];
    const two = (await net.project(await net.forward(plane(5, 5, [[2, 4, 1]])), 'convB', 1))[0];
    expect([two.map, two.activation, two.row, two.col]).toEqual([one.map, one.activation, one.row, one.col]);
    expect(maxAbsDiff(two.pixels, plane(5, 5, [[1, 3, 16], [1, 4, 32], [2, 3, 48], [2, 4, 64]]).data)).toBeLessThan(1e-5);
    expect(maxAbsDiff(one.pixels, two.pixels)).toBeGreaterThan(10);
    // Each projection peaks on its own image's bright pixel.
    const argmax = (xs: Float32Array) => xs.indexOf(Math.max(...xs));
    expect(argmax(one.pixels)).toBe(1 * 5 + 3);
    expect(argmax(two.pixels)).toBe(2 * 5 + 4);
    net.dispose();
  });

  it('rectifies the signal on the way down (a deconvnet, not a gradient)', async () => {
    // convA: 1×1, one input → two maps, both ×1, ReLU. convB: 1×1, weights (2, −1), ReLU.
    // x = 1 → convA (1, 1) → convB 2 − 1 = 1. Down: (2, −1) → rectified (2, 0) → 2. A gradient would give 2 − 1 = 1.
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [1, 1, 1], filters: 2, kernelSize: 1, useBias: false, activation: 'relu', name: 'convA' }),
        tfl.layers.conv2d({ filters: 1, kernelSize: 1, useBias: false, activation: 'relu', name: 'convB' }),
      ],
    });
    model.setWeights([tf.tensor4d([1, 1], [1, 1, 1, 2]), tf.tensor4d([2, -1], [1, 1, 2, 1])]);
    const net = Deconvnet.fromLayersModel(model);
    model.dispose();
    const [p] = await net.project(await net.forward(plane(1, 1, [[0, 0, 1]])), 'convB', 1);
    expect(p.activation).toBeCloseTo(1, 6);
    expect(p.pixels[0]).toBeCloseTo(2, 6);
    net.dispose();
  });

  it('records the same activations as the model (BatchNorm folded into the filters)', async () => {
    const model = buildBoNet(DEFAULT_BONET, 3);
    // Give every BatchNorm non-trivial statistics and affine so the fold is really exercised.
    for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
      const n = layer.getWeights()[0].shape[0];
      layer.setWeights([
        tf.randomUniform([n], 0.5, 2, 'float32', 1),
        tf.randomNormal([n], 0, 0.5, 'float32', 2),
        tf.randomNormal([n], 0, 0.5, 'float32', 3),
        tf.randomUniform([n], 0.2, 3, 'float32', 4),
      ]);
    }
    const net = Deconvnet.fromLayersModel(model);
    expect(net.layerNames).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'fc_conv']);
    const x = Float32Array.from({ length: 100 * 100 }, (_, i) => Math.sin(i * 0.37) + ((i * 31) % 17) / 17);
    const rec = await net.forward({ width: 100, height: 100, data: x });
    const names = ['relu1', 'relu2', 'relu3', 'relu4', 'relu5', 'fc_conv'];
    const probe = tfl.model({ inputs: model.inputs, outputs: names.map((n) => model.getLayer(n).output as tfl.SymbolicTensor) });
    const outs = probe.predict(tf.tensor4d(x, [1, 100, 100, 1])) as tf.Tensor[];
    for (const [i, out] of outs.entries()) {
      expect(rec.layers[i].shape).toEqual(out.shape.slice(1));
      const ref = (await out.data()) as Float32Array;
      const scale = ref.reduce((m, v) => Math.max(m, Math.abs(v)), 0); // no spread: conv1 has 160,000 values
      expect(maxAbsDiff(rec.layers[i].activation, ref) / scale).toBeLessThan(1e-4);
    }
    tf.dispose(outs);
    net.dispose();
    model.dispose();
  });

  it('follows a net with learned cell weights: the 1×1 logit conv and the Concatenate are output, not features', () => {
    const model = buildBoNet({ ...DEFAULT_BONET, sexHeads: true, cellWeights: true }, 3);
    const net = Deconvnet.fromLayersModel(model);
    expect(net.layerNames).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'fc_conv']);
    net.dispose();
    model.dispose();
  });

  it('refuses a layer it cannot follow, naming it, without leaking', () => {
    const model = buildBoNet({ ...DEFAULT_BONET, deformAfter: 1 }, 3);
    const before = tf.memory().numTensors;
    expect(() => Deconvnet.fromLayersModel(model)).toThrow(/cannot follow layer "deform"/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('projects BoNet-shaped nets without leaking tensors', async () => {
    const model = buildBoNet(DEFAULT_BONET, 3);
    const before = tf.memory().numTensors;
    const net = Deconvnet.fromLayersModel(model);
    const afterBuild = tf.memory().numTensors;
    const img = { width: 160, height: 120, data: Float32Array.from({ length: 120 * 160 }, (_, i) => (i * 7919) % 251) };
    // conv3 and deeper go back through the pools; the cpu backend is slow, so it does one layer.
    for (const layer of backend === 'cpu' ? ['conv3'] : ['conv1', 'fc_conv']) await learnedRois(net, img, THUMBNAIL_INPUT, { layer, k: backend === 'cpu' ? 3 : 9 });
    expect(tf.memory().numTensors).toBe(afterBuild);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // The deconvnet owned copies: the model still runs after it is gone.
    const out = model.predict(tf.zeros([1, 100, 100, 1])) as tf.Tensor;
    expect(out.shape).toEqual([1, 10, 10, 1]);
    tf.dispose(out);
    model.dispose();
  });
});
