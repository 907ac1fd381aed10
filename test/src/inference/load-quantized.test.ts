import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBoNet, DEFAULT_BONET, THUMBNAIL_INPUT } from '../../../core/model';
import { loadBoneAgeModel } from '../../../src/inference/load-model';
import { saveModelFolder, writeModelCard } from '../../../training/io/model-files';
import { quantizeModelFolder } from '../../../training/io/quantize-folder';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.unstubAllGlobals());

/** Serves a model folder at http://127.0.0.1/models/<name>/ as the page would fetch it. */
function serveFolder(name: string, dir: string): void {
  const files: Record<string, Uint8Array> = { '/models/index.json': new TextEncoder().encode(JSON.stringify({ default: name, models: [{ name, path: `${name}/` }] })) };
  for (const f of readdirSync(dir)) files[`/models/${name}/${f}`] = new Uint8Array(readFileSync(join(dir, f)));
  vi.stubGlobal('fetch', async (href: string) => {
    const body = files[new URL(href).pathname];
    if (!body) return new Response('Not found', { status: 404 });
    const type = href.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } });
  });
}

describe('the page loads a model shipped with --quantize', () => {
  it('passes the integrity check and estimates close to the float32 model, for float16 and uint8', async () => {
    const net = buildBoNet(DEFAULT_BONET, 11);
    const img = { width: 120, height: 150, data: Float32Array.from({ length: 120 * 150 }, (_, i) => ((i % 120) * 7 + Math.floor(i / 120) * 3) % 101) };
    const card = { name: 'qpage', input: THUMBNAIL_INPUT, output: { unit: 'months', scale: 40, offset: 120, reduce: 'mean' } };
    const ref: number[] = [];
    for (const kind of [null, 'float16', 'uint8'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'qpage-'));
      writeModelCard(dir, { ...card, weights: await saveModelFolder(net, dir) } as never);
      if (kind) quantizeModelFolder(dir, kind);
      serveFolder('qpage', dir);
      const model = await loadBoneAgeModel('http://127.0.0.1/', null);
      expect(model.card.weightsQuantization).toBe(kind ?? undefined);
      const e = await model.estimate(img);
      ref.push(e.boneAgeMonths);
      model.dispose();
    }
    expect(Math.abs(ref[1] - ref[0])).toBeLessThan(0.5);
    expect(Math.abs(ref[2] - ref[0])).toBeLessThan(5);
    expect(tf.memory().numTensors).toBeLessThan(50);
  });
});
