import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../core/model/types';
import { readingCard } from '../../../src/state/reading-card';

const figures = (mae: number) => ({ n: 100, mae_months: mae, rmse_months: mae * 1.3, bias_months: 0, within_12_months: 0.7 });
const base = {
  name: 't', version: '1', output: { unit: 'months', scale: 10, offset: 120, reduce: 'mean' },
  validation: figures(9.1), interval: { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 19 },
  careful: { tta: 'axis1', validation: figures(8.8), interval: { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 18 } },
} as unknown as ModelCard;

describe('readingCard', () => {
  it('gives the card of the reading that made an estimate, whichever mode is chosen now', () => {
    const careful = readingCard(base, base, 'careful') as ModelCard & { interval: { offsetMonths: number } };
    expect(careful.validation.mae_months).toBe(8.8);
    expect(careful.interval.offsetMonths).toBe(18);
    expect(careful.output.tta).toBe('axis1');
    // The store's card may be the careful one while this estimate was made in one pass.
    const standard = readingCard(careful, base, 'standard') as ModelCard & { interval: { offsetMonths: number } };
    expect(standard).toBe(base);
    expect(standard.interval.offsetMonths).toBe(19);
  });
  it("falls back to the store's card when the reading or the base card is not known", () => {
    expect(readingCard(base, base, undefined)).toBe(base);
    expect(readingCard(base, null, 'careful')).toBe(base);
    expect(readingCard(null, null, undefined)).toBeNull();
  });
});
