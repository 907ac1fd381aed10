import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLocaliserCard } from '../../core/localiser/card';
import { ROI_SLOTS } from '../../core/localiser/constants';
import { TwLocaliser } from '../../core/localiser/localiser-model';
import { loadModelFolder, sha256 } from '../../training/io/model-files';
import { makeHandPixels } from '../browser/fixtures';
import { useBackend } from '../helpers/tf-backends';

const modelsDir = 'public/models';
const index = JSON.parse(readFileSync(join(modelsDir, 'index.json'), 'utf8')) as { localiser?: { name: string; path: string } };

beforeAll(() => useBackend('wasm'));

describe.skipIf(!index.localiser)('shipped TW-region localiser', () => {
  const dir = join(modelsDir, index.localiser!.path);
  const card = parseLocaliserCard(JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')), dir);

  it('has shards matching the sha256 in its card, each ≤ 4 MB', () => {
    expect(card.weights.length).toBeGreaterThan(0);
    for (const w of card.weights) {
      const bytes = readFileSync(join(dir, w.path));
      expect(sha256(bytes), w.path).toBe(w.sha256);
      expect(bytes.byteLength).toBe(w.bytes);
      expect(bytes.byteLength).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
  });

  it('states its data, licence, held-out split and figures', () => {
    expect(card.training.data).toMatch(/Koitka/);
    expect(card.training.licence).toMatch(/MIT/);
    expect(card.validation.n_hands).toBe(card.training.split.heldOut);
    expect(card.validation.centre_error_pct.p95).toBeGreaterThanOrEqual(card.validation.centre_error_pct.median);
    expect(Object.keys(card.validation.per_label).sort()).toEqual(['DIP', 'MCP', 'PIP', 'Radius', 'Ulna', 'Wrist']);
    const split = JSON.parse(readFileSync(join(dir, card.training.split.splitFile), 'utf8'));
    expect(split.heldOut).toHaveLength(card.training.split.heldOut);
    expect(split.train.filter((id: string) => split.heldOut.includes(id))).toEqual([]);
    expect(card.slots.map((s) => s.name)).toEqual(ROI_SLOTS.map((s) => s.name));
  });

  it('puts 17 boxes inside a generated hand of any size', async () => {
    const model = new TwLocaliser(await loadModelFolder(dir), card);
    const [w, h] = [400, 500];
    const px = makeHandPixels(w, h);
    const boxes = await model.locate({ width: w, height: h, data: Float32Array.from(px) });
    expect(boxes).toHaveLength(17);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(w);
      expect(b.x1 - b.x0).toBeGreaterThan(1);
      expect(b.y1 - b.y0).toBeGreaterThan(1);
    }
    model.dispose();
  });

  it.skipIf(!existsSync('../shared/data/rsna-ossification-rois'))('reproduces its card\'s held-out figures through evaluate:localiser (skipped without ../shared/data)', () => {
    const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['training/localiser/evaluate.ts', '--model', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(f.n_hands).toBe(card.validation.n_hands);
    expect(f.centre_error_pct.median).toBeCloseTo(card.validation.centre_error_pct.median, 1);
    expect(f.recall_iou_0_3).toBeCloseTo(card.validation.recall_iou_0_3, 2);
  }, 120_000);
});
