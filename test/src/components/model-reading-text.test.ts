import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../core/model/types';
import { modelReadingText } from '../../../src/components/model-reading-text';

const card = (resample: string, tta?: string) => ({ input: { width: 100, height: 100, resample }, output: { tta } }) as unknown as ModelCard;

describe('modelReadingText', () => {
  it('names the resampling and the test-time augmentation the card asks for', () => {
    const t = modelReadingText(card('area-average', 'axis1'));
    expect(t.input).toMatch(/^100×100 px.*mean of the image area/);
    expect(t.reading).toMatch(/mean of 5 readings/);
    expect(modelReadingText(card('nearest-floor-center', 'grid1')).reading).toMatch(/9 readings/);
  });

  it('says one pass when the card has no augmentation', () => {
    expect(modelReadingText(card('nearest-floor-center')).reading).toBe('one pass of the network');
  });

  it('says the cells are weighted by a learned confidence on a "weighted" card', () => {
    const c = card('area-average', 'axis1');
    const weighted = { ...c, output: { tta: 'axis1', reduce: 'weighted' } } as unknown as ModelCard;
    expect(modelReadingText(weighted).reading).toMatch(/^the mean of 5 readings.*weighted by a confidence the network learned$/);
    expect(modelReadingText(c).reading).not.toMatch(/weighted/);
  });

  it('names an ensemble\'s networks, each with its own error, and whose features the ROIs show', () => {
    const c = card('area-average', 'axis1');
    const member = (name: string, layers: string, parameters: number, validationMae: number) => ({ name, version: '1', layers, headFilters: 256, parameters, validationMae, sha256: [], training: '' });
    const ensemble = { ...c, architecture: { ensemble: [member('a', '16x5p,32x3p', 574546, 9.93), member('b', '24x3p,48x3', 1099322, 9.5)] } } as unknown as ModelCard;
    const t = modelReadingText(ensemble);
    expect(t.reading).toBe('the mean of 5 readings: the input as is and shifted by 1 px left, right, up and down (test-time augmentation), each reading the mean of 2 networks’ age maps');
    expect(t.networks).toBe('An ensemble of 2: a v1 (16x5p,32x3p, 0.57 M parameters, validation MAE 9.9 months alone); b v1 (24x3p,48x3, 1.10 M parameters, validation MAE 9.5 months alone). The learned ROIs show the first network’s features.');
    expect(modelReadingText(c).networks).toBeUndefined();
    // Read in one pass (v5): each network once, not "the network".
    const onePass = { ...ensemble, output: {} } as unknown as ModelCard;
    expect(modelReadingText(onePass).reading).toBe('one pass of each of the 2 networks, their age maps averaged');
  });
});
