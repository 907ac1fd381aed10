import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import type { WeightFile } from '../../core/model/types';
import { readModelCard, SHARD_BYTES, sha256, writeModelCard } from './model-files';
import { quantizeWeightData, type WeightQuantization } from './quantize-weights';

/** Rewrites a model folder in place with quantised weights: new shards, model.json's manifest with
 *  `quantization` entries, and the card's weight list (bytes, SHA-256) and `weightsQuantization`, so
 *  the page's integrity check and the build's pins see the new files. Returns the new weight files. */
export function quantizeModelFolder(dir: string, kind: WeightQuantization, shardBytes = SHARD_BYTES): WeightFile[] {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const groups = json.weightsManifest as tf.io.WeightsManifestConfig;
  const paths = groups.flatMap((g) => g.paths);
  const buffers = paths.map((p) => readFileSync(join(dir, p)));
  const joined = new Uint8Array(buffers.reduce((s, b) => s + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    joined.set(b, at);
    at += b.byteLength;
  }
  const { specs, data } = quantizeWeightData(groups.flatMap((g) => g.weights), joined.buffer, kind);
  for (const p of paths) rmSync(join(dir, p));
  const n = Math.max(1, Math.ceil(data.byteLength / shardBytes));
  const files: WeightFile[] = [];
  for (let i = 0; i < n; i++) {
    const shard = data.subarray(i * shardBytes, Math.min(data.byteLength, (i + 1) * shardBytes));
    const path = `group1-shard${i + 1}of${n}.bin`;
    writeFileSync(join(dir, path), shard);
    files.push({ path, bytes: shard.byteLength, sha256: sha256(shard) });
  }
  json.weightsManifest = [{ paths: files.map((f) => f.path), weights: specs }];
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  const card = readModelCard(dir);
  writeModelCard(dir, { ...card, weights: files, weightsQuantization: kind });
  return files;
}
