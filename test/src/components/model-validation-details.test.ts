import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelCard, ValidationFigures } from '../../../core/model/types';
import { ModelValidationDetails } from '../../../src/components/ModelValidationDetails';

const fig = (n: number, mae: number, bias: number): ValidationFigures => ({ n, mae_months: mae, rmse_months: mae * 1.3, bias_months: bias, within_12_months: 0.6 });
const card = (extra: Partial<ModelCard>) => ({
  weights: [{ path: 'group1-shard1of1.bin', bytes: 2_000_000, sha256: 'ab'.repeat(32) }],
  validation: fig(100, 10, 0.5),
  ...extra,
}) as ModelCard;

describe('ModelValidationDetails', () => {
  it('lists the subgroups in Table-6 order, the checks and each shard\'s sha256', () => {
    const html = renderToStaticMarkup(createElement(ModelValidationDetails, {
      card: card({
        validation: { ...fig(100, 10, 0.5), subgroups: { 'F 0-9y': fig(20, 12.34, -3.21), 'M 0-9y': fig(30, 8, 1) } },
        checks: [{ name: 'Full-resolution check', figures: fig(40, 11.5, 2), note: 'area-average' }],
      }),
    }));
    expect(html.indexOf('M 0–9 y')).toBeLessThan(html.indexOf('F 0–9 y'));
    expect(html).toContain('12.3');
    expect(html).toContain('−3.2');
    expect(html).not.toContain('M 10–18 y'); // no cases there: no row
    expect(html).toContain('Full-resolution check: MAE 11.5 months (n = 40, bias +2.0). area-average');
    expect(html).toContain('ab'.repeat(32));
    expect(html).toContain('2.00 MB in 1 file');
  });

  it('gives a check with subgroup figures its own table, and a check without none', () => {
    const html = renderToStaticMarkup(createElement(ModelValidationDetails, {
      card: card({
        checks: [
          { name: '5-fold cross-validation', figures: { ...fig(500, 11, 0.4), subgroups: { 'M 10-18y': fig(200, 9.87, -1.23) } }, note: 'pooled' },
          { name: 'External set', figures: fig(40, 8, 1), note: '' },
        ],
      }),
    }));
    expect(html).toContain('<caption>5-fold cross-validation, by subgroup</caption>');
    expect(html).not.toContain('External set, by subgroup');
    const table = html.slice(html.indexOf('<caption>5-fold'), html.indexOf('External set'));
    expect(table).toContain('M 10–18 y');
    expect(table).toContain('9.9');
    expect(table).toContain('−1.2');
    expect(table).not.toContain('F 0–9 y');
  });

  it('says when the card has no subgroup figures', () => {
    expect(renderToStaticMarkup(createElement(ModelValidationDetails, { card: card({}) }))).toContain('No subgroup figures');
  });
});
