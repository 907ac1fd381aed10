import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../core/model/types';
import { readingToWarm } from '../../../src/state/reading-warm-up';

const figures = { n: 100, mae_months: 9, rmse_months: 12, bias_months: 0, within_12_months: 0.7 };
const withCareful = { name: 't', version: '1', output: { unit: 'months', scale: 10, offset: 120, reduce: 'mean' }, validation: figures, careful: { tta: 'axis1', validation: figures } } as unknown as ModelCard;
const { careful: _none, ...onePassOnly } = withCareful;

describe('readingToWarm', () => {
  it('names the offered reading that has not run yet, and nothing once both have', () => {
    expect(readingToWarm(withCareful, new Set(['standard']))).toBe('careful');
    expect(readingToWarm(withCareful, new Set(['careful']))).toBe('standard');
    expect(readingToWarm(withCareful, new Set(['standard', 'careful']))).toBeNull();
  });
  it('does not warm a careful reading the card does not offer (no careful figures, or an unknown augmentation)', () => {
    expect(readingToWarm(onePassOnly as ModelCard, new Set(['standard']))).toBeNull();
    const unknownTta = { ...withCareful, careful: { tta: 'axis9', validation: figures } } as unknown as ModelCard;
    expect(readingToWarm(unknownTta, new Set(['standard']))).toBeNull();
    const noFigures = { ...withCareful, careful: { tta: 'axis1' } } as unknown as ModelCard;
    expect(readingToWarm(noFigures, new Set(['standard']))).toBeNull();
  });
});
