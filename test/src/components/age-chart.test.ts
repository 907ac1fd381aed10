import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgeChart } from '../../../src/components/AgeChart';

const render = (props: Parameters<typeof AgeChart>[0]) => renderToStaticMarkup(createElement(AgeChart, props));

describe('AgeChart', () => {
  it('draws both bands, the identity line and this case for a boy', () => {
    const svg = render({ sex: 'M', chronologicalMonths: 120, boneAgeMonths: 114 });
    expect(svg).toContain('data-testid="band-2sd"');
    expect(svg).toContain('data-testid="band-1sd"');
    expect(svg).toContain('class="chart-identity"');
    expect(svg).toContain('data-x-months="120"');
    expect(svg).toContain('data-y-months="114.0"');
    // 120 months on a 0–228 month axis 308 px wide starting at 40: x = 202.1; y likewise on 256 px from 26.
    const circle = /<circle class="chart-case" cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)!;
    expect(Number(circle[1])).toBeCloseTo(40 + (120 / 228) * 308, 6);
    expect(Number(circle[2])).toBeCloseTo(26 + 256 - (114 / 228) * 256, 6);
    expect(svg).toContain('boys, Greulich–Pyle SD bands');
    // 24 tabulated ages: the ±2 SD polygon has 48 vertices.
    const band2 = /data-testid="band-2sd"/.test(svg) ? /<polygon class="chart-band2" points="([^"]+)"/.exec(svg)![1] : '';
    expect(band2.split(' ')).toHaveLength(48);
  });
  it('girls have 23 ages; no bands without a sex; a line without a chronological age', () => {
    const girl = render({ sex: 'F', chronologicalMonths: 100, boneAgeMonths: 100 });
    expect(/<polygon class="chart-band2" points="([^"]+)"/.exec(girl)![1].split(' ')).toHaveLength(46);
    const unknownSex = render({ sex: null, chronologicalMonths: 100, boneAgeMonths: 100 });
    expect(unknownSex).not.toContain('band-2sd');
    expect(unknownSex).toContain('no SD bands: sex unknown');
    expect(unknownSex).toContain('data-bands="no"');
    const noAge = render({ sex: 'M', chronologicalMonths: null, boneAgeMonths: 100 });
    expect(noAge).not.toContain('chart-case-point');
    expect(noAge).toContain('data-testid="chart-case-line"');
  });
  it('keeps an out-of-range case inside the plot', () => {
    const svg = render({ sex: 'M', chronologicalMonths: 300, boneAgeMonths: -5 });
    const circle = /<circle class="chart-case" cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)!;
    expect(Number(circle[1])).toBeCloseTo(348, 6);
    expect(Number(circle[2])).toBeCloseTo(282, 6);
  });
});
