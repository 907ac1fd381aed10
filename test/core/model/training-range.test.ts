import { describe, expect, it } from 'vitest';
import { labelRange, trainingRangeNote } from '../../../core/model/training-range';

describe('trainingRangeNote', () => {
  it('says nothing inside the range (ends included) or without a range', () => {
    expect(trainingRangeNote(4, [4, 228])).toBeNull();
    expect(trainingRangeNote(228, [4, 228])).toBeNull();
    expect(trainingRangeNote(120, [4, 228])).toBeNull();
    expect(trainingRangeNote(-20, undefined)).toBeNull();
  });

  it('flags estimates below and above the labels', () => {
    expect(trainingRangeNote(-15.7, [4, 228])).toMatchObject({ side: 'below', message: expect.stringMatching(/youngest.*4 months/) });
    expect(trainingRangeNote(3.9, [4, 228])?.side).toBe('below');
    expect(trainingRangeNote(240, [4, 228])).toMatchObject({ side: 'above', message: expect.stringMatching(/oldest.*228 months/) });
  });
});

describe('labelRange', () => {
  it('is the smallest and largest label', () => {
    expect(labelRange([120, 4, 228, 36])).toEqual([4, 228]);
  });
});
