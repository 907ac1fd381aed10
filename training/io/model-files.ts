import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelCard, WeightFile } from '../../core/model/types';
import '../../core/model'; // registers the custom layer before any load
import { withZeroInitializers } from '../../core/model/zero-initializers';

/** Largest weight shard written; browsers and CDNs cope better with small files. */
export const SHARD_BYTES = 4 * 1024 * 1024;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Saves a LayersModel as a folder the page loads as is: model.json, weight shards of at most 4 MB
 * (group1-shard{i}of{n}.bin), and returns the shard list with sha256 for the model card.
 * Node has no file:// handler without tfjs-node, hence this save handler.
 */
export async function saveModelFolder(model: tfl.LayersModel, dir: string, shardBytes = SHARD_BYTES): Promise<WeightFile[]> {
  mkdirSync(dir, { recursive: true });
  let files: WeightFile[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData!));
      const n = Math.max(1, Math.ceil(data.byteLength / shardBytes));
      files = [];
      for (let i = 0; i < n; i++) {
        const shard = data.subarray(i * shardBytes, Math.min(data.byteLength, (i + 1) * shardBytes));
        const path = `group1-shard${i + 1}of${n}.bin`;
        writeFileSync(join(dir, path), shard);
        files.push({ path, bytes: shard.byteLength, sha256: sha256(shard) });
      }
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tfl.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: files.map((f) => f.path), weights: artifacts.weightSpecs }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return files;
}

/** Loads a model folder written by saveModelFolder (or by any tfjs layers-model export). */
export async function loadModelFolder(dir: string): Promise<tfl.LayersModel> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const paths: string[] = json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths);
  const specs = json.weightsManifest.flatMap((g: { weights: tf.io.WeightsManifestEntry[] }) => g.weights);
  const buffers = paths.map((p) => {
    const b = readFileSync(join(dir, p));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
  // Zeros, not random draws, before the saved weights replace them all (core/model/zero-initializers.ts).
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: withZeroInitializers(json.modelTopology), weightSpecs: specs, weightData: tf.io.concatenateArrayBuffers(buffers) }));
}

export function writeModelCard(dir: string, card: ModelCard): void {
  writeFileSync(join(dir, 'model-card.json'), JSON.stringify(card, null, 2) + '\n');
}

export function readModelCard(dir: string): ModelCard {
  return JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')) as ModelCard;
}

/** A card without the figures measured on its own weights (interval, checks, careful reading), for a card
 *  carried over to other weights (averaged checkpoints, an ensemble), which are then validated afresh. */
export function withoutMeasuredFigures(card: ModelCard): Omit<ModelCard, 'interval' | 'checks' | 'careful'> {
  const { interval: _interval, checks: _checks, careful: _careful, ...rest } = card;
  return rest;
}

/** After a crash inside atomicFolder's two renames (`dir` moved to `dir.old`, `dir.tmp` not yet
 *  in place), puts the previous folder back, so a resume loses at most the step being saved.
 *  Returns true when it did. */
export function recoverAtomicFolder(dir: string): boolean {
  if (existsSync(dir) || !existsSync(`${dir}.old`)) return false;
  renameSync(`${dir}.old`, dir);
  return true;
}

/** Write into a temporary folder, then swap it in: a kill mid-save never leaves a half-written checkpoint. */
export async function atomicFolder(dir: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await write(tmp);
  const old = `${dir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
}
