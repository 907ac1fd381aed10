import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALISER, LOCALISER_INPUT, ROI_SLOTS } from '../../../core/localiser/constants';
import { buildLocaliser } from '../../../core/localiser/network';
import { canonicalOrder } from '../../../core/localiser/canonical';
import { encodeTargets } from '../../../core/localiser/decode';
import { schematicHand } from '../../helpers/schematic-hand';
import { saveModelFolder } from '../../../training/io/model-files';
import { initTrainingRuntime } from '../../../training/runtime';
import { makePng } from '../../helpers/make-png';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** A generated hand-like image: dark background, five bright finger bars and a palm, `w` × `h`. */
function handPixels(w: number, h: number): Uint8Array {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const u = x / w, v = y / h;
    const finger = v > 0.1 && v < 0.6 && Math.abs(((u * 5) % 1) - 0.5) < 0.2 && u > 0.1 && u < 0.9;
    const palm = v >= 0.55 && v < 0.95 && u > 0.2 && u < 0.8;
    data[y * w + x] = finger || palm ? 180 + ((x * 7 + y * 3) % 40) : 20;
  }
  return data;
}

/** Each source pixel repeated 2×2: the page's nearest resampling then gives exactly the same 100×100 plane. */
function doubled(data: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(4 * w * h);
  for (let y = 0; y < 2 * h; y++) for (let x = 0; x < 2 * w; x++) out[y * 2 * w + x] = data[(y >> 1) * w + (x >> 1)];
  return out;
}

describe('locate-rois command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locate-'));
  const model = join(dir, 'model');
  const images = join(dir, 'images');

  beforeAll(async () => {
    await initTrainingRuntime('cpu');
    // An untrained network with a fixed seed: the command's plumbing is what is tested, not the accuracy.
    // Its output bias starts at a schematic hand's boxes (as training starts at the mean box), so boxes spread out.
    const net = buildLocaliser(DEFAULT_LOCALISER, 100, 5, encodeTargets(canonicalOrder(schematicHand()), 1000, 1200));
    const weights = await saveModelFolder(net, model);
    const card = { name: 'test-localiser', version: '0', kind: 'tw-localiser', input: LOCALISER_INPUT, slots: ROI_SLOTS, weights };
    writeFileSync(join(model, 'model-card.json'), JSON.stringify(card));
    net.dispose();
    tf.disposeVariables();
    mkdirSync(images);
    const a = handPixels(157, 211);
    writeFileSync(join(images, 'a-157x211.png'), makePng({ width: 157, height: 211, data: a, channels: 1 }));
    writeFileSync(join(images, 'b-314x422.png'), makePng({ width: 314, height: 422, data: doubled(a, 157, 211), channels: 1 }));
    writeFileSync(join(images, 'c-1200x900.png'), makePng({ width: 1200, height: 900, data: handPixels(1200, 900), channels: 1 }));
    const png = makePng({ width: 157, height: 211, data: a, channels: 1 });
    writeFileSync(join(images, 'd-broken.png'), png.subarray(0, 60)); // a PNG cut short
    writeFileSync(join(images, 'LICENSE'), 'MIT licence text');
  }, 120_000);

  it('prints one JSON line per readable image, 17 labelled boxes in that image’s own pixel frame', () => {
    const r = spawnSync(tsx, ['training/localiser/locate-rois.ts', '--model', model, '--images', images, '--backend', 'cpu'], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/d-broken\.png: skipped/);
    expect(r.stderr).toMatch(/LICENSE: not an image, ignored/);
    expect(r.status).toBe(1); // one image could not be read
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.width, l.height])).toEqual([
      ['a-157x211', 157, 211],
      ['b-314x422', 314, 422],
      ['c-1200x900', 1200, 900],
    ]);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['id', 'width', 'height', 'rois']);
      expect(l.rois.map((b: { label: string }) => b.label)).toEqual(ROI_SLOTS.map((s) => s.label));
      for (const b of l.rois) {
        expect(Object.keys(b)).toEqual(['label', 'x0', 'y0', 'x1', 'y1', 'score']);
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(l.width);
        expect(b.y0).toBeGreaterThanOrEqual(0);
        expect(b.y1).toBeLessThanOrEqual(l.height);
        expect(b.x1).toBeGreaterThanOrEqual(b.x0);
        expect(b.score).toBeGreaterThanOrEqual(0);
        expect(b.score).toBeLessThanOrEqual(1);
      }
    }
    // The same picture at twice the size: same network input, so every corner exactly doubles (to rounding).
    lines[0].rois.forEach((b: Record<string, number>, i: number) => {
      const d = lines[1].rois[i];
      for (const k of ['x0', 'y0', 'x1', 'y1']) expect(Math.abs(d[k] - 2 * b[k]), k).toBeLessThanOrEqual(0.11);
    });
    // The boxes sit where the network puts them, scaled to each frame: the Wrist near the schematic's (390–610, 810–1030 of 1000×1200).
    const wrist = lines[2].rois[16];
    expect(wrist.x0 / 1200).toBeCloseTo(0.39, 1);
    expect(wrist.y1 / 900).toBeCloseTo(1030 / 1200, 1);
    expect(new Set(lines[2].rois.map((b: { x0: number }) => b.x0)).size).toBe(17);
  }, 120_000);
});
