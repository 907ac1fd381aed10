import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodedImage, GrayImage } from '../../../core/pipeline/types';
import { QcModel, type QcCard } from '../../../core/qc/qc-model';
import { flipHorizontal, rotate } from '../../../core/qc/transforms';
import type { QcCode } from '../../../core/qc/types';
import { loadModelFolder } from '../../../training/io/model-files';
import { noiseImage, photoLikeImage, shapesImage, textureImage, twoHands } from '../../../training/qc/negatives';
import { makeRng } from '../../../training/qc/rng';
import { syntheticLeftHand } from '../../../training/qc/synthetic-hand';
import { useBackend } from '../../helpers/tf-backends';

const DIR = 'public/models/qc-hand';
const decoded = (img: GrayImage): DecodedImage => ({ ...img, format: 'png', bitDepth: 8, window: { center: 127.5, width: 255 }, meta: {}, notices: [] });
// Generated hands from the bench's seed range (training used seeds 1–400).
const hands = Array.from({ length: 10 }, (_, i) => syntheticLeftHand(100, 100, 200_000 + i));

describe.skipIf(!existsSync(`${DIR}/model.json`))('the shipped QC classifier on generated images', () => {
  let qc: QcModel;
  beforeAll(async () => {
    await useBackend('wasm');
    qc = new QcModel(await loadModelFolder(DIR), JSON.parse(readFileSync(`${DIR}/model-card.json`, 'utf8')) as QcCard);
  });

  /** How many of the images get `code` among their flags (or pass, for null). */
  async function count(images: GrayImage[], code: QcCode | null): Promise<number> {
    let n = 0;
    for (const img of images) {
      const r = await qc.assess(decoded(img));
      if (code === null ? r.ok : r.flags.some((f) => f.code === code)) n++;
    }
    return n;
  }

  it('accepts upright left hands', async () => {
    expect(await count(hands, null)).toBeGreaterThanOrEqual(9);
  });

  it('flags right (mirrored) hands as mirrored', async () => {
    expect(await count(hands.map(flipHorizontal), 'mirrored')).toBeGreaterThanOrEqual(8);
  });

  it('flags hands turned 90° or upside down as rotated', async () => {
    const turned = hands.flatMap((h, i) => [rotate(h, i % 2 ? 90 : -90, 10), rotate(h, 180, 10)]);
    expect(await count(turned, 'rotated')).toBeGreaterThanOrEqual(16);
  });

  it('flags inverted polarity', async () => {
    expect(await count(hands.map((h) => ({ ...h, data: h.data.map((v) => 255 - v) })), 'inverted')).toBeGreaterThanOrEqual(9);
  });

  it('flags two hands in one image', async () => {
    const rng = makeRng(5);
    expect(await count(hands.map((h, i) => twoHands(h, hands[(i + 1) % hands.length], rng)), 'multiple-hands')).toBeGreaterThanOrEqual(8);
  });

  it('says noise, textures, shapes and photo-like scenes are not hands', async () => {
    const rng = makeRng(6);
    const junk = Array.from({ length: 5 }, () => [noiseImage(100, 100, rng), textureImage(100, 100, rng), shapesImage(100, 100, rng), photoLikeImage(100, 100, rng)]).flat();
    expect(await count(junk, 'not-hand')).toBeGreaterThanOrEqual(18);
  });
});

describe.skipIf(!existsSync(`${DIR}/model-card.json`))('the shipped QC model folder', () => {
  it('has shards matching the sha256 in its card, and the classes the code expects', async () => {
    const { sha256 } = await import('../../../training/io/model-files');
    const { QC_CLASSES } = await import('../../../core/qc/classes');
    const card = JSON.parse(readFileSync(`${DIR}/model-card.json`, 'utf8'));
    expect(card.classes).toEqual([...QC_CLASSES]);
    expect(card.weights.length).toBeGreaterThan(0);
    for (const w of card.weights) expect(sha256(readFileSync(`${DIR}/${w.path}`)), w.path).toBe(w.sha256);
  });
});
