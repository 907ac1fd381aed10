import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../core/model/types';
import { combinedDurationSeconds, memberTrainingLine } from '../../../training/io/member-record';

const shipped = JSON.parse(readFileSync('public/models/bonet-rsna100/model-card.json', 'utf8')) as ModelCard;
const trained = (seconds: number, optimizer = 'Adam'): ModelCard => ({
  ...shipped,
  training: { ...shipped.training, epochs: 6, optimizer, augmentation: 'shifts', durationSeconds: seconds },
});
const splitOut = (version: string, member: number, record: string, ensembleSeconds: number): ModelCard => ({
  ...shipped,
  training: { ...shipped.training, optimizer: record, augmentation: 'as in optimizer', durationSeconds: ensembleSeconds, splitFrom: { name: 'bonet-rsna100', version, member } },
});

describe('memberTrainingLine', () => {
  it('describes a trained network by its epochs, optimizer and augmentation', () => {
    expect(memberTrainingLine(trained(10, 'Adam, peak lr 0.002'))).toBe('6 epochs; Adam, peak lr 0.002; augmentation: shifts');
  });

  it('keeps a split-out member\'s record as its ensemble had it, without adding to it', () => {
    // Before splitFrom, each round trip through split-ensemble and combine prefixed "12 epochs; " and appended
    // "; augmentation: as in optimizer" to the record.
    expect(memberTrainingLine(splitOut('13', 1, '12 epochs; v4, three cosine cycles', 37227))).toBe('12 epochs; v4, three cosine cycles');
  });
});

describe('combinedDurationSeconds', () => {
  it('adds trained networks\' times and counts each source ensemble of split-out members once', () => {
    const cards = [splitOut('13', 1, 'a', 37227), splitOut('13', 2, 'b', 37227), splitOut('13', 3, 'c', 37227), trained(3525)];
    expect(combinedDurationSeconds(cards)).toBe(37227 + 3525);
    expect(combinedDurationSeconds([splitOut('13', 1, 'a', 100), splitOut('12', 2, 'b', 90), trained(5)])).toBe(195);
    expect(combinedDurationSeconds([trained(5), trained(7)])).toBe(12);
  });
});
