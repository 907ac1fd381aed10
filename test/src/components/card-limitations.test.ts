import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ValidationFigures } from '../../../core/model/types';
import { CardLimitations } from '../../../src/components/CardLimitations';

const fig = (n: number, bias: number): ValidationFigures => ({ n, mae_months: 9, rmse_months: 12, bias_months: bias, within_12_months: 0.7 });
const render = (props: Parameters<typeof CardLimitations>[0]) => renderToStaticMarkup(createElement(CardLimitations, props));

describe('CardLimitations', () => {
  const validation = { ...fig(1721, 0), subgroups: { 'all 0-9y': fig(589, 3.88), 'all 10-18y': fig(1132, -2.02) } };
  it('lists the card\'s limitations, then the bias by age band its validation measured', () => {
    const html = render({ limitations: ['Thumbnails only.'], validation });
    expect(html.indexOf('Thumbnails only.')).toBeLessThan(html.indexOf('data-testid="age-band-bias"'));
    expect(html).toContain('3.9 months older than the reference (n = 589), from 10 years 2.0 months younger (n = 1132)');
  });
  it('shows the measured line alone, the limitations alone, or nothing', () => {
    expect(render({ validation })).toContain('pulled toward the middle');
    expect(render({ limitations: ['x'], validation: fig(100, 3) })).toBe('<ul><li>x</li></ul>');
    expect(render({})).toBe('');
  });
});
