import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(resolve(import.meta.dirname, '../../src/styles.css'), 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2].toLowerCase()]));

describe('the reading-room theme', () => {
  it('is dark by default (no light areas behind the image)', () => {
    expect(css).toMatch(/color-scheme:\s*dark/);
    expect(luminance(vars.bg)).toBeLessThan(0.01);
    expect(luminance(vars.panel)).toBeLessThan(0.015);
  });

  it('keeps text readable: WCAG AA (4.5:1) for body, muted and accent text on page and panels', () => {
    for (const fg of ['text', 'muted', 'accent', 'warn-text', 'error-text']) {
      for (const bg of ['bg', 'panel']) expect(contrast(vars[fg], vars[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(vars['warn-text'], vars['warn-bg'])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(vars['error-text'], vars['error-bg'])).toBeGreaterThanOrEqual(4.5);
  });
});
