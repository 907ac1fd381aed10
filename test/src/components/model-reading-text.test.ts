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
});
