import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodedImage, GrayImage } from '../../../core/pipeline/types';
import { QcModel, type QcCard } from '../../../core/qc/qc-model';
import { flipHorizontal } from '../../../core/qc/transforms';
import { loadModelFolder } from '../../../training/io/model-files';
import { HAND_HEIGHT, HAND_WIDTH, makeHandPixels } from '../../browser/fixtures';
import { useBackend } from '../../helpers/tf-backends';

const DIR = 'public/models/qc-hand';
const decoded = (img: GrayImage): DecodedImage => ({ ...img, format: 'png', bitDepth: 8, window: { center: 127.5, width: 255 }, meta: {}, notices: [] });
const fixture: GrayImage = { width: HAND_WIDTH, height: HAND_HEIGHT, data: Float32Array.from(makeHandPixels()) };

// The browser tests' hand must be what the page expects (a left hand), or every test reading it reads a flagged case.
describe.skipIf(!existsSync(`${DIR}/model.json`))('the browser tests\' generated hand', () => {
  let qc: QcModel;
  beforeAll(async () => {
    await useBackend('wasm');
    qc = new QcModel(await loadModelFolder(DIR), JSON.parse(readFileSync(`${DIR}/model-card.json`, 'utf8')) as QcCard);
  });

  it('is a left hand: quality control accepts it, and its mirror image looks more "mirrored" to the classifier', async () => {
    const here = await qc.assess(decoded(fixture));
    const mirror = await qc.assess(decoded(flipHorizontal(fixture)));
    expect(here.ok, JSON.stringify(here)).toBe(true);
    // Measured: P(mirrored) 0.02 here, 0.54 on the mirror (which is flagged, but near the 0.5 threshold, so
    // only the order is asserted: a retrained classifier may move the mirror either side of it).
    expect(mirror.probabilities!.mirrored).toBeGreaterThan(here.probabilities!.mirrored + 0.2);
  });
});
