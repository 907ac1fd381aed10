import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoNet, DEFAULT_BONET } from '../../../core/model';
import { withZeroInitializers } from '../../../core/model/zero-initializers';
import { saveModelFolder } from '../../../training/io/model-files';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

interface Saved {
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

/** A trained-looking model folder (an untrained BoNet with sex heads, its random weights saved) read back. */
async function savedBoNet(): Promise<{ net: tfl.LayersModel; saved: Saved }> {
  const net = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 5);
  const dir = mkdtempSync(join(tmpdir(), 'zero-init-'));
  const files = await saveModelFolder(net, dir);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { modelTopology: object; weightsManifest: tf.io.WeightsManifestConfig };
  const weightData = tf.io.concatenateArrayBuffers(files.map((f) => new Uint8Array(readFileSync(join(dir, f.path))).buffer));
  return { net, saved: { modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData } };
}

const load = (s: Saved) => tfl.loadLayersModel(tf.io.fromMemory(s));

describe('withZeroInitializers', () => {
  it('makes every *_initializer Zeros, keeps everything else, and leaves its input alone', () => {
    const topology = {
      class_name: 'Model',
      config: {
        layers: [
          { class_name: 'Conv2D', config: { filters: 8, kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 2 } }, bias_initializer: { class_name: 'Zeros', config: {} }, use_bias: true } },
          { class_name: 'BatchNormalization', config: { gamma_initializer: { class_name: 'Ones', config: {} }, moving_variance_initializer: { class_name: 'Ones', config: {} }, axis: -1 } },
          { class_name: 'Dense', config: { kernel_initializer: null, units: 3 } },
        ],
      },
    };
    const before = JSON.stringify(topology);
    const out = withZeroInitializers(topology);
    expect(JSON.stringify(topology)).toBe(before);
    const [conv, bn, dense] = out.config.layers as Array<{ config: Record<string, unknown> }>;
    expect(conv.config.kernel_initializer).toEqual({ class_name: 'Zeros', config: {} });
    expect(conv.config.bias_initializer).toEqual({ class_name: 'Zeros', config: {} });
    expect(conv.config.filters).toBe(8);
    expect(conv.config.use_bias).toBe(true);
    expect(bn.config.gamma_initializer).toEqual({ class_name: 'Zeros', config: {} });
    expect(bn.config.moving_variance_initializer).toEqual({ class_name: 'Zeros', config: {} });
    expect(bn.config.axis).toBe(-1);
    expect(dense.config.kernel_initializer).toBeNull();
  });

  it('a network loaded through it reads exactly as the saved one: the loaded weights replace every initial value', async () => {
    const { net, saved } = await savedBoNet();
    const zeroed = await load({ ...saved, modelTopology: withZeroInitializers(saved.modelTopology) });
    const x = tf.tensor4d(Float32Array.from({ length: 2 * 100 * 100 }, (_, i) => Math.sin(i * 0.37) * 2), [2, 100, 100, 1]);
    const want = (net.predict(x) as tf.Tensor).dataSync();
    const got = (zeroed.predict(x) as tf.Tensor).dataSync();
    expect(got.length).toBe(want.length);
    expect(Array.from(got)).toEqual(Array.from(want));
    // Not trivially equal: the cells of the map differ (a network left at zeros would read the same everywhere).
    expect(new Set(Array.from(got).map((v) => v.toFixed(4))).size).toBeGreaterThan(10);
    tf.dispose([x]);
    net.dispose();
    zeroed.dispose();
  });

  it('still refuses a model file that lacks a weight (so no layer can keep its zeros)', async () => {
    const { net, saved } = await savedBoNet();
    net.dispose();
    const last = saved.weightSpecs[saved.weightSpecs.length - 1];
    const lastBytes = last.shape.reduce((a, b) => a * b, 1) * 4;
    const short = { modelTopology: withZeroInitializers(saved.modelTopology), weightSpecs: saved.weightSpecs.slice(0, -1), weightData: saved.weightData.slice(0, saved.weightData.byteLength - lastBytes) };
    await expect(load(short)).rejects.toThrow();
  });
});
