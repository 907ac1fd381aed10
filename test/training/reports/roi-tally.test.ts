import { describe, expect, it } from 'vitest';
import { heatTableSvg, divergingColour } from '../../../training/reports/heat-table-svg';
import { areaShare, bandOf, brightestBoxes, regionsByLabel, RoiTally } from '../../../training/reports/roi-tally';

describe('roi tally', () => {
  it('scales boxes to the thumbnail frame by 100/width, 100/height', () => {
    const r = regionsByLabel({ filename: '', width: 800, height: 1000, objects: [{ label: 'Ulna', xmin: 80, ymin: 900, xmax: 160, ymax: 1000 }] }, 100, 100);
    expect(r.get('Ulna')).toEqual([{ x0: 10, y0: 90, x1: 20, y1: 100 }]);
  });

  it('measures chance as the share of pixel centres in the union of boxes', () => {
    // Two overlapping 10×10 boxes sharing a 5×10 strip: union 150 of 10,000 centres.
    expect(areaShare([{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 0, x1: 15, y1: 10 }], 100, 100)).toBeCloseTo(0.015, 9);
  });

  it('puts bone ages in their band', () => {
    expect([bandOf(0), bandOf(71.9), bandOf(72), bandOf(167), bandOf(168), bandOf(228)]).toEqual([0, 0, 1, 2, 3, 3]);
  });

  it('counts peaks inside regions per layer and group, with lift over chance', () => {
    const t = new RoiTally();
    const regions = new Map([['Radius', [{ x0: 0, y0: 0, x1: 10, y1: 10 }]]]); // 1 % of a 100×100 frame
    const frame = { width: 100, height: 100 };
    t.addHand('6–10 y', regions, ['Radius', 'DIP'], new Map([['conv1', [{ x: 5, y: 5 }, { x: 50, y: 50 }]]]), frame);
    t.addHand('10–14 y', regions, ['Radius', 'DIP'], new Map([['conv1', [{ x: 60, y: 5 }, { x: 50, y: 50 }]]]), frame);
    const young = t.cell('conv1', 'Radius', '6–10 y');
    expect([young.hitRate, young.chance, young.peaks]).toEqual([0.5, 0.01, 2]);
    expect(young.lift).toBeCloseTo(50, 6);
    const all = t.cell('conv1', 'Radius', 'all');
    expect([all.hitRate, all.peaks, t.handCount('all')]).toEqual([0.25, 4, 2]);
    expect(t.cell('conv1', 'DIP', 'all').lift).toBeNaN(); // no DIP boxes: no chance level, no lift
  });
});

describe('heat table SVG', () => {
  it('draws every cell with its text, escaped, coloured by lift', () => {
    const svg = heatTableSvg({
      title: 'a < b',
      columns: ['0–6 y', 'all'],
      groups: [{ name: 'conv1', rows: [{ label: 'Radius', cells: [{ value: 4, text: '40 % ×4' }, { value: 0.25, text: '1 % ×¼' }] }] }],
      centre: 1,
      span: 2,
      legend: 'legend',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('a &lt; b');
    expect(svg).toContain('40 % ×4');
    expect(svg).toContain(`fill="${divergingColour(4, 1, 2)}"`);
    expect(divergingColour(4, 1, 2)).toBe('rgb(178, 24, 43)');
    expect(divergingColour(0.25, 1, 2)).toBe('rgb(33, 102, 172)');
    expect(divergingColour(1, 1, 2)).toBe('rgb(255, 255, 255)');
    expect(svg).not.toMatch(/<image|href=/); // numbers only, no pictures
  });
});

describe('brightestBoxes', () => {
  it('covers the brightest pixels, grown by a pixel each way', () => {
    const data = new Float32Array(100); // 10×10
    data[5 * 10 + 5] = 9;
    data[0] = 3;
    const boxes = brightestBoxes({ width: 10, height: 10, data }, 0.01, 1);
    expect(boxes).toHaveLength(9);
    expect(boxes[0]).toEqual({ x0: 4, y0: 4, x1: 5, y1: 5 });
    expect(brightestBoxes({ width: 10, height: 10, data }, 0.02, 0)).toEqual([{ x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: 5, y0: 5, x1: 6, y1: 6 }]);
  });
});
