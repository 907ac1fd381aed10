import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordCheck } from '../../../training/io/card-checks';

const figures = (mae: number) => ({ n: 10, mae_months: mae, rmse_months: mae + 1, bias_months: 0, within_12_months: 0.5 });

describe('recordCheck', () => {
  it('adds a check to the card, replaces one of the same name and keeps the rest of the card', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-checks-'));
    const card = { name: 'm', version: '1', validation: figures(9), checks: [{ name: 'a', figures: figures(8), note: 'first' }] };
    writeFileSync(join(dir, 'model-card.json'), JSON.stringify(card));
    expect(recordCheck(dir, { name: 'b', figures: figures(10), note: 'second' })).toBe(join(dir, 'model-card.json'));
    recordCheck(dir, { name: 'a', figures: figures(7), note: 'again' });
    const after = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8'));
    expect(after.checks.map((c: { name: string; note: string }) => [c.name, c.note])).toEqual([['b', 'second'], ['a', 'again']]);
    expect(after.checks[1].figures.mae_months).toBe(7);
    expect(after).toMatchObject({ name: 'm', version: '1', validation: figures(9) });
  });
  it('creates the list on a card without checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-checks-'));
    writeFileSync(join(dir, 'model-card.json'), JSON.stringify({ name: 'm' }));
    recordCheck(dir, { name: 'x', figures: figures(5), note: '' });
    expect(JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')).checks).toHaveLength(1);
  });
  it('refuses a check of the training recipe for the careful reading (every reading shows it from the card\'s own list)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-checks-'));
    const card = { name: 'm', careful: { tta: 'axis1', validation: figures(8) } };
    writeFileSync(join(dir, 'model-card.json'), JSON.stringify(card));
    const recipe = { name: '5-fold', figures: figures(10), note: '', describes: 'recipe' as const };
    expect(() => recordCheck(dir, recipe, 'careful')).toThrow(/"5-fold" describes the training recipe.*without the careful reading/);
    expect(JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8'))).toEqual(card);
    recordCheck(dir, recipe);
    expect(JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')).checks).toEqual([recipe]);
  });
});
