import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelCard, ValidationFigures } from '../../../core/model/types';
import type { IntervalCalibration } from '../../../core/uncertainty/interval';
import { intervalWidthText } from '../../../src/components/IntervalCalibrationDetails';
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

  it('shows a check of the training recipe under its own heading, after the checks of the weights', () => {
    const html = renderToStaticMarkup(createElement(ModelValidationDetails, {
      card: card({
        checks: [
          { name: '5-fold CV of the recipe', figures: { ...fig(11477, 10.16, 0.24), subgroups: { 'M 0-9y': fig(2000, 11.9, 2.2) } }, note: 'pooled', describes: 'recipe' },
          { name: 'The 40', figures: fig(40, 8, 1), note: 'full resolution' },
        ],
      }),
    }));
    const heading = html.indexOf('The training recipe, cross-validated');
    expect(heading).toBeGreaterThan(html.indexOf('The 40: MAE 8.0 months'));
    expect(html.indexOf('5-fold CV of the recipe: MAE 10.2 months (n = 11477, bias +0.2). pooled')).toBeGreaterThan(heading);
    expect(html).toContain('It is not the error of this model');
    expect(html).toContain('<caption>5-fold CV of the recipe, by subgroup</caption>');
    // Without such a check, no heading.
    const plain = renderToStaticMarkup(createElement(ModelValidationDetails, { card: card({ checks: [{ name: 'The 40', figures: fig(40, 8, 1), note: '' }] }) }));
    expect(plain).not.toContain('model-recipe-checks');
  });

  it('says when the card has no subgroup figures', () => {
    expect(renderToStaticMarkup(createElement(ModelValidationDetails, { card: card({}) }))).toContain('No subgroup figures');
  });
});

describe('the interval calibration in ModelValidationDetails', () => {
  const bands: IntervalCalibration = {
    method: 'age-band', coverage: 0.9, q: 1, offsetMonths: 0, bandEdges: [60, 120, 168], bandQ: [20.639, 19.311, 17.636, 17.844],
    calibration: {
      testHalf: { n: 861, coverage: 0.906, meanWidthMonths: 36.757 },
      fullRes40: { n: 40, coverage: 0.875, meanWidthMonths: 36.454 },
      repeatedHalves: { repeats: 200, meanCoverage: 0.9021, p5Coverage: 0.878, p95Coverage: 0.928, meanWidthMonths: 36.94 },
      testHalfBySubgroup: { 'M 0-9y': { n: 150, coverage: 0.847, meanWidthMonths: 39.1 }, 'F 10-18y': { n: 300, coverage: 0.93, meanWidthMonths: 35.5 } },
    },
    withoutSex: { method: 'constant', coverage: 0.9, q: 27.617, offsetMonths: 1, calibration: { testHalf: { n: 861, coverage: 0.913, meanWidthMonths: 55.112 } } },
  };

  it('gives the widths by band, the measured coverage, and coverage by subgroup in Table-6 order', () => {
    const html = renderToStaticMarkup(createElement(ModelValidationDetails, { card: card({ interval: bands }) }));
    expect(html).toContain('90% prediction interval: by band of estimated bone age: ±20.6 below 5 y, ±19.3 5–10 y, ±17.6 10–14 y, ±17.8 from 14 y (months).');
    expect(html).toContain('Held-out half of the validation split: covered 90.6% (95% CI 88.5–92.4), n = 861, mean width 36.8 months.');
    expect(html).toContain('The 40 full-resolution radiographs: covered 87.5% (95% CI 73.9–94.5), n = 40, mean width 36.5 months.');
    expect(html).toContain('Over 200 random halvings of the validation split (fitted on one half, measured on the other): mean coverage 90.2% (5th–95th percentile 87.8%–92.8%), mean width 36.9 months.');
    const table = html.slice(html.indexOf('coverage on the held-out half, by subgroup'));
    expect(table.indexOf('M 0–9 y')).toBeLessThan(table.indexOf('F 10–18 y'));
    expect(table).toContain('84.7% (95% CI 78.0–89.6)');
    expect(table).not.toContain('M 10–18 y'); // not measured: no row
    expect(html).toContain('Read without the sex: ±27.6 months for every estimate. Held-out half of the validation split: covered 91.3%');
  });

  it('says when a card\'s interval has no measured coverage, and shows nothing without an interval', () => {
    const bare = renderToStaticMarkup(createElement(ModelValidationDetails, { card: card({ interval: { method: 'constant', coverage: 0.9, q: 18.7, offsetMonths: 1 } }) }));
    expect(bare).toContain('±18.7 months for every estimate. No measured coverage in this card.');
    expect(renderToStaticMarkup(createElement(ModelValidationDetails, { card: card({}) }))).not.toContain('interval-calibration');
  });

  it('names a calibration that gives no interval instead of printing Infinity or the wrong method', () => {
    expect(intervalWidthText({ method: 'constant', coverage: 0.9, q: Infinity, offsetMonths: 1 })).toMatch(/^no finite width: calibrated on too few cases/);
    expect(intervalWidthText({ method: 'age-band', coverage: 0.9, q: 1, offsetMonths: 0, bandEdges: [60], bandQ: [10, Infinity] })).toMatch(/a band had too few calibration cases/);
    expect(intervalWidthText({ method: 'age-band', coverage: 0.9, q: 1, offsetMonths: 0, bandEdges: [60, 120], bandQ: [10] })).toMatch(/malformed/);
    expect(intervalWidthText({ method: 'map-spread', coverage: 0.9, q: 0.23, offsetMonths: 40 })).toBe("scaled by the spread of the case's age map (q 0.230, offset 40 months)");
  });
});
