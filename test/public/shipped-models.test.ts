import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel } from '../../core/model';
import { splitChecks } from '../../core/model/check-kinds';
import type { ModelCard } from '../../core/model/types';
import { offersCarefulReading } from '../../core/model/reading-mode';
import { decodeImage } from '../../core/pipeline/decode';
import { readLabels } from '../../training/data/rsna';
import { loadModelFolder, sha256 } from '../../training/io/model-files';
import { regressionFigures } from '../../training/metrics';
import { useBackend } from '../helpers/tf-backends';

const modelsDir = 'public/models';
const index = JSON.parse(readFileSync(join(modelsDir, 'index.json'), 'utf8')) as { default: string; models: Array<{ name: string; path: string }> };
const rsna = '../shared/data/rsna-bone-age';

beforeAll(() => useBackend('wasm'));

describe('shipped models', () => {
  it('index.json names a default that is listed', () => {
    expect(index.models.map((m) => m.name)).toContain(index.default);
  });

  describe.each(index.models)('$name', ({ path }) => {
    const dir = join(modelsDir, path);
    const card = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')) as ModelCard;

    it('has shards matching the sha256 in its card, each ≤ 4 MB, ≤ 10 MB in all', () => {
      let total = 0;
      for (const w of card.weights) {
        const bytes = readFileSync(join(dir, w.path));
        expect(sha256(bytes), w.path).toBe(w.sha256);
        expect(bytes.byteLength).toBeLessThanOrEqual(4 * 1024 * 1024);
        total += bytes.byteLength;
      }
      expect(total).toBeLessThanOrEqual(10 * 1024 * 1024);
    });

    it('states what it is: input specification, validated error, intended use', () => {
      expect(card.input.width).toBeGreaterThan(0);
      expect(card.validation.n).toBeGreaterThan(100);
      expect(card.validation.mae_months).toBeLessThanOrEqual(12);
      expect(card.intendedUse).toMatch(/research/i);
    });

    it('loads and gives a map of at least 6×6 cells at its input size', async () => {
      const model = new BoneAgeModel(await loadModelFolder(dir), card);
      const out = model.net.predict(tf.zeros([1, card.input.height, card.input.width, 1])) as tf.Tensor;
      expect(out.shape[1]).toBeGreaterThanOrEqual(6);
      expect(out.shape[2]).toBeGreaterThanOrEqual(6);
      out.dispose();
      model.dispose();
    });

    it.skipIf(!existsSync(rsna))('reproduces its card’s validation MAE through the page pipeline (300 held-out cases)', async () => {
      const split = JSON.parse(readFileSync(join(dir, card.training.split.splitFile), 'utf8')) as { validation: string[] };
      const held = new Set(split.validation.slice(0, 300));
      const cases = readLabels(join(rsna, 'boneage-training-dataset.csv')).filter((c) => held.has(c.id));
      const model = new BoneAgeModel(await loadModelFolder(dir), card);
      const preds: number[] = [];
      for (const c of cases) {
        const bytes = new Uint8Array(readFileSync(join(rsna, 'boneage-training-dataset', `${c.id}.png`)));
        preds.push((await model.estimate(await decodeImage(bytes, `${c.id}.png`), c.male ? 'male' : 'female')).boneAgeMonths);
      }
      const f = regressionFigures(preds, cases.map((c) => c.boneAgeMonths));
      // A subset of the card's own validation set: same pipeline, so the same figure up to sampling noise.
      expect(Math.abs(f.mae_months - card.validation.mae_months)).toBeLessThan(2.5);
      model.dispose();
    });

    it.skipIf(!card.careful)('offers its careful reading only with figures measured on the same cases, and an interval for it', () => {
      expect(offersCarefulReading(card)).toBe(true);
      expect(card.careful!.validation!.n).toBe(card.validation.n);
      expect(card.careful!.validation!.subgroups).toBeDefined();
      expect(Number.isFinite(card.careful!.interval?.q)).toBe(true);
      // Every check of the weights has its careful counterpart; a check of the training recipe (other
      // networks) has none and needs none, and the careful reading keeps no such check of its own.
      expect(splitChecks(card.careful!.checks).weights.map((c) => c.name)).toEqual(splitChecks(card.checks).weights.map((c) => c.name));
      expect(splitChecks(card.careful!.checks).recipe).toEqual([]);
    });

    it.skipIf(!splitChecks(card.checks).recipe.length)('says that each check of its training recipe is one, and what it cross-validated', () => {
      for (const c of splitChecks(card.checks).recipe) {
        expect(c.name).toMatch(/cross-validation/i);
        expect(c.note).toMatch(/^\d+ cases, each estimated once by the one of \d+ networks that did not train on it/);
        expect(c.note).toMatch(/Training options: \S/);
        expect(c.figures.n).toBeGreaterThan(card.validation.n); // every case once, not the validation split
        expect(c.figures.subgroups).toBeDefined();
      }
    });

    it.skipIf(!card.interval)('states its interval\'s measured coverage on held-out cases, overall and by sex × age band', () => {
      for (const iv of [card.interval!, card.interval!.withoutSex, card.careful?.interval].filter((x) => x !== undefined)) {
        const rec = iv.calibration!;
        expect(rec.testHalf!.n).toBeGreaterThan(500);
        // What the page shows under "Validation by subgroup, checks, interval and weights": each band's cases
        // are the half's cases, and no group is far below the nominal coverage.
        const g = rec.testHalfBySubgroup!;
        expect(g['all 0-9y'].n + g['all 10-18y'].n).toBe(rec.testHalf!.n);
        expect(g['M 0-9y'].n + g['F 0-9y'].n).toBe(g['all 0-9y'].n);
        for (const a of Object.values(g)) expect(a.coverage).toBeGreaterThan(iv.coverage - 0.1);
        // The procedure over random halvings of the validation split covers the nominal share on average.
        expect(Math.abs(rec.repeatedHalves!.meanCoverage - iv.coverage)).toBeLessThan(0.015);
      }
    });

    it.skipIf(!card.careful || !existsSync(rsna))('reproduces its careful reading’s validation MAE through the page pipeline (100 held-out cases)', async () => {
      const split = JSON.parse(readFileSync(join(dir, card.training.split.splitFile), 'utf8')) as { validation: string[] };
      const held = new Set(split.validation.slice(0, 100));
      const cases = readLabels(join(rsna, 'boneage-training-dataset.csv')).filter((c) => held.has(c.id));
      const model = new BoneAgeModel(await loadModelFolder(dir), card);
      const careful = model.forReading('careful');
      const preds: number[] = [];
      for (const c of cases) {
        const bytes = new Uint8Array(readFileSync(join(rsna, 'boneage-training-dataset', `${c.id}.png`)));
        preds.push((await careful.estimate(await decodeImage(bytes, `${c.id}.png`), c.male ? 'male' : 'female')).boneAgeMonths);
      }
      const f = regressionFigures(preds, cases.map((c) => c.boneAgeMonths));
      expect(Math.abs(f.mae_months - card.careful!.validation!.mae_months)).toBeLessThan(3);
      model.dispose();
    });
  });
});

if (!existsSync(rsna)) console.warn(`[skip] ${rsna} is absent: the shipped-model accuracy check needs the RSNA data (see ../shared/data/README.md).`);
