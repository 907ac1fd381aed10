import { describe, expect, it } from 'vitest';
import { splitChecks } from '../../../core/model/check-kinds';
import type { ModelCheck } from '../../../core/model/types';

const check = (name: string, describes?: 'recipe'): ModelCheck => ({
  name, note: '', figures: { n: 10, mae_months: 9, rmse_months: 11, bias_months: 0, within_12_months: 0.7 }, ...(describes ? { describes } : {}),
});

describe('splitChecks', () => {
  it('keeps checks of the weights (no `describes`) apart from checks of the recipe, each in card order', () => {
    const s = splitChecks([check('40'), check('5-fold', 'recipe'), check('external'), check('3-fold', 'recipe')]);
    expect(s.weights.map((c) => c.name)).toEqual(['40', 'external']);
    expect(s.recipe.map((c) => c.name)).toEqual(['5-fold', '3-fold']);
  });
  it('gives two empty lists for a card without checks', () => {
    expect(splitChecks(undefined)).toEqual({ weights: [], recipe: [] });
  });
});
