import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoNet, DEFAULT_BONET } from '../../../core/model';
import { loadModelFolder, readModelCard, saveModelFolder, sha256, writeModelCard } from '../../../training/io/model-files';
import { quantizeModelFolder } from '../../../training/io/quantize-folder';
import { float16Bits, quantizeWeightData, uint8Affine } from '../../../training/io/quantize-weights';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

/** What TensorFlow.js's loader makes of quantised weight data. */
function decoded(specs: tf.io.WeightsManifestEntry[], data: Uint8Array): Float32Array[] {
  const map = tf.io.decodeWeights(data.slice().buffer, specs);
  return specs.map((s) => map[s.name].dataSync() as Float32Array);
}

describe('float16Bits', () => {
  it('encodes exactly representable values exactly, and rounds to nearest even', () => {
    expect(float16Bits(0)).toBe(0);
    expect(float16Bits(-0)).toBe(0x8000);
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff); // largest half
    expect(float16Bits(1e6)).toBe(0x7c00); // overflow → Infinity
    expect(float16Bits(2 ** -24)).toBe(1); // smallest subnormal
    expect(float16Bits(2 ** -26)).toBe(0);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie → even (down)
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(float16Bits(NaN) & 0x7c00).toBe(0x7c00);
  });
  it('round-trips through TensorFlow.js within half-precision error', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 1.7) * 10 ** ((i % 9) - 5));
    const spec: tf.io.WeightsManifestEntry = { name: 'w', shape: [1000], dtype: 'float32' };
    const q = quantizeWeightData([spec], values.slice().buffer, 'float16');
    expect(q.data.byteLength).toBe(2000);
    expect(q.specs[0].quantization).toEqual({ dtype: 'float16' });
    const back = decoded(q.specs, q.data)[0];
    values.forEach((v, i) => {
      // relative error ≤ 2^-11 for normal halves; absolute ≤ 2^-25 in the subnormal range
      expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(Math.max(Math.abs(v) * 2 ** -11, 2 ** -25));
    });
  });
});

describe('uint8 quantisation', () => {
  it('keeps zero exact and every value within half a step', () => {
    const { scale, min } = uint8Affine(-0.3, 1.1);
    expect(Math.round(-min / scale) * scale + min).toBeCloseTo(0, 12);
    const values = Float32Array.from({ length: 500 }, (_, i) => -0.3 + (1.4 * i) / 499);
    values[7] = 0;
    const spec: tf.io.WeightsManifestEntry = { name: 'w', shape: [500], dtype: 'float32' };
    const q = quantizeWeightData([spec], values.slice().buffer, 'uint8');
    expect(q.data.byteLength).toBe(500);
    const back = decoded(q.specs, q.data)[0];
    expect(back[7]).toBeCloseTo(0, 6);
    const step = q.specs[0].quantization!.scale!;
    values.forEach((v, i) => expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(step / 2 + 1e-6));
  });
  it('copies int32 weights unchanged and checks the data length', () => {
    const specs: tf.io.WeightsManifestEntry[] = [
      { name: 'a', shape: [2], dtype: 'float32' },
      { name: 'n', shape: [1], dtype: 'int32' },
    ];
    const buf = new ArrayBuffer(12);
    new Float32Array(buf, 0, 2).set([1, -1]);
    new Int32Array(buf, 8, 1).set([42]);
    const q = quantizeWeightData(specs, buf, 'uint8');
    expect(q.specs[1]).toEqual(specs[1]);
    expect(Array.from(tf.io.decodeWeights(q.data.slice().buffer, q.specs).n.dataSync())).toEqual([42]);
    expect(() => quantizeWeightData(specs, new ArrayBuffer(16), 'uint8')).toThrow(/16 bytes/);
  });
});

describe('quantizeModelFolder', () => {
  it('rewrites shards, manifest and card so the folder loads and predicts close to float32', async () => {
    const net = buildBoNet(DEFAULT_BONET, 3);
    const src = mkdtempSync(join(tmpdir(), 'bonet-q-'));
    const weights = await saveModelFolder(net, src);
    writeModelCard(src, { name: 'q-test', weights } as never);
    const x = tf.randomNormal([2, 100, 100, 1], 0, 1, 'float32', 5);
    const ref = (net.predict(x) as tf.Tensor).dataSync();
    const refBytes = weights.reduce((s, f) => s + f.bytes, 0);
    for (const [kind, ratio, tol] of [['float16', 2, 0.01], ['uint8', 4, 0.1]] as const) {
      const dir = mkdtempSync(join(tmpdir(), `bonet-${kind}-`));
      cpSync(src, dir, { recursive: true });
      const files = quantizeModelFolder(dir, kind);
      const card = readModelCard(dir);
      expect(card.weightsQuantization).toBe(kind);
      expect(card.weights).toEqual(files);
      for (const f of files) expect(sha256(readFileSync(join(dir, f.path)))).toBe(f.sha256);
      expect(files.reduce((s, f) => s + f.bytes, 0)).toBeCloseTo(refBytes / ratio, -2);
      const out = ((await loadModelFolder(dir)).predict(x) as tf.Tensor).dataSync();
      let maxErr = 0, maxRef = 0;
      out.forEach((v, i) => {
        maxErr = Math.max(maxErr, Math.abs(v - ref[i]));
        maxRef = Math.max(maxRef, Math.abs(ref[i]));
      });
      expect(maxErr).toBeGreaterThan(0); // it really was quantised
      expect(maxErr).toBeLessThan(tol * maxRef);
    }
  });
});
