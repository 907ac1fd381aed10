import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel, buildBoNet, DEFAULT_BONET } from '../../core/model';
import type { EnsembleMember, ModelCard } from '../../core/model/types';
import { decodeImage } from '../../core/pipeline/decode';
import { combineModels } from '../../training/io/combine-models';
import { saveModelFolder, writeModelCard } from '../../training/io/model-files';
import { parseLayers } from '../../training/layers-spec';
import { builtModel } from '../helpers/untrained-model';
import { useBackend } from '../helpers/tf-backends';
import { makeHandPng } from './fixtures';
import { browserTestMode, DIST, dropFile, type PageWatch } from './harness';
import { closeModelPage, openModelPage, type ModelPage } from './model-page';

const mode = browserTestMode();

/** An ensemble of two untrained BoNets with different trunks (training/combine.ts's model), as the page's default. */
describe.skipIf(mode === 'skip')('an ensemble model (npm run combine) as the page\'s model', () => {
  let served: ModelPage | undefined;
  let modelDir: string;
  let w: PageWatch;
  let expected: number;
  let members: number[];

  beforeAll(async () => {
    await useBackend('cpu');
    const { path, base } = builtModel(DIST);
    const nets = [buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 11), buildBoNet({ ...DEFAULT_BONET, sexHeads: true, convLayers: parseLayers('8x3p,16x3,16x3p,32x3p,32x3') }, 12)];
    const ensemble = await combineModels(nets);
    modelDir = mkdtempSync(join(tmpdir(), 'bonet-ensemble-'));
    const weights = await saveModelFolder(ensemble, modelDir);
    const member = (name: string, layers: string, parameters: number): EnsembleMember => ({ name, version: '1', layers, headFilters: 256, parameters, validationMae: 99, sha256: [], training: 'untrained' });
    // A small scale keeps the untrained readings near the offset (inside the training range).
    const output = { ...base.output, scale: 10, bySex: true };
    const card: ModelCard = {
      ...base,
      name: 'bonet-ensemble-test',
      architecture: { ...base.architecture, ...DEFAULT_BONET, sexHeads: true, parameters: ensemble.countParams(), ensemble: [member('a', '16x5p,32x3p,64x5p,128x3,128x3', nets[0].countParams()), member('b', '8x3p,16x3,16x3p,32x3p,32x3', nets[1].countParams())] },
      output,
      weights,
    };
    writeModelCard(modelDir, card);
    const png = await decodeImage(makeHandPng(), 'hand.png');
    expected = (await new BoneAgeModel(ensemble, card).estimate(png, null)).boneAgeMonths;
    members = await Promise.all(nets.map(async (n) => (await new BoneAgeModel(n, { ...card, output }).estimate(png, null)).boneAgeMonths));
    served = await openModelPage(mode, path, modelDir);
    w = served.w;
  }, 300_000);

  afterAll(() => closeModelPage(served, modelDir));

  it('reads a radiograph as the mean of its networks, says what it is, and projects ROIs from its first network', async () => {
    const { page } = w;
    // The networks must disagree, or the mean could not be told from either.
    expect(Math.abs(members[0] - members[1])).toBeGreaterThan(0.5);
    expect(Math.abs(expected - (members[0] + members[1]) / 2)).toBeLessThan(0.01);
    const outcome = await dropFile(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(Math.abs(outcome.months! - expected)).toBeLessThan(0.01);
    expect(await page.locator('[data-testid="model-name"]').textContent()).toBe('bonet-ensemble-test');
    expect(await page.locator('[data-testid="model-networks"]').textContent()).toMatch(/^An ensemble of 2: a v1 \(16x5p,32x3p,64x5p,128x3,128x3, 0\.57 M parameters.*; b v1 \(8x3p,16x3,16x3p,32x3p,32x3,.*The learned ROIs show the first network’s features\.$/);
    const layers = await page.locator('[data-testid="roi-layer"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(layers).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'fc_conv']);
    await page.locator('[data-testid="roi-layer"]').selectOption('conv3');
    await page.locator('[data-testid="roi-run"]').click();
    await page.locator('[data-testid="roi-legend"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="roi-legend-row"]').count()).toBeGreaterThan(0);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  }, 240_000);
});
