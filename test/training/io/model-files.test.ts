import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoNet, DEFAULT_BONET } from '../../../core/model';
import { loadModelFolder, saveModelFolder, sha256 } from '../../../training/io/model-files';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

describe('model folder save/load', () => {
  it('round-trips to identical outputs, in shards no larger than asked, with their sha256', async () => {
    const net = buildBoNet({ ...DEFAULT_BONET, deformAfter: 1 }, 3);
    const dir = mkdtempSync(join(tmpdir(), 'bonet-'));
    const files = await saveModelFolder(net, dir, 512 * 1024);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const bytes = readFileSync(join(dir, f.path));
      expect(bytes.byteLength).toBe(f.bytes);
      expect(bytes.byteLength).toBeLessThanOrEqual(512 * 1024);
      expect(sha256(bytes)).toBe(f.sha256);
    }
    expect(readdirSync(dir).sort()).toEqual(['model.json', ...files.map((f) => f.path)].sort());
    const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(manifest.weightsManifest[0].paths).toEqual(files.map((f) => f.path));
    expect(files.reduce((a, f) => a + f.bytes, 0)).toBe(4 * net.getWeights().reduce((a, w) => a + w.size, 0));

    const loaded = await loadModelFolder(dir);
    const x = tf.randomNormal([2, 100, 100, 1], 0, 1, 'float32', 4);
    const a = (net.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(statSync(join(dir, 'model.json')).size).toBeGreaterThan(1000);
  });
});
