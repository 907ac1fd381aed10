import { describe, expect, it } from 'vitest';
import { roiHits, type LabelledRegion } from '../../../core/roi';

const regions: LabelledRegion[] = [
  { label: 'Radius', x0: 0, y0: 80, x1: 40, y1: 100 },
  { label: 'Wrist', x0: 30, y0: 60, x1: 70, y1: 85 },
  { label: 'MCP', x0: 40, y0: 40, x1: 50, y1: 50 },
];

describe('roiHits', () => {
  it('puts a projection in the region holding its peak, even when another overlaps its box more', () => {
    // Box mostly in Wrist, peak in Radius.
    const [hit] = roiHits([{ peak: { x: 10, y: 90 }, box: { x0: 5, y0: 60, x1: 60, y1: 95 } }], regions);
    expect(hit.label).toBe('Radius');
    expect(hit.by).toBe('peak');
    expect(hit.overlap).toBeCloseTo((35 * 15) / (55 * 35), 6);
  });

  it('breaks a tie between regions holding the peak by overlap with the box', () => {
    // Peak at (35, 82): inside Radius and Wrist; the box lies mostly in Wrist.
    const [hit] = roiHits([{ peak: { x: 35, y: 82 }, box: { x0: 32, y0: 62, x1: 60, y1: 84 } }], regions);
    expect(hit.label).toBe('Wrist');
    expect(hit.by).toBe('peak');
  });

  it('falls back to the largest overlap when no region holds the peak, else none', () => {
    const [a, b] = roiHits(
      [
        { peak: { x: 90, y: 45 }, box: { x0: 45, y0: 42, x1: 95, y1: 48 } },
        { peak: { x: 90, y: 10 }, box: { x0: 80, y0: 0, x1: 100, y1: 20 } },
      ],
      regions,
    );
    expect([a.label, a.by, a.region]).toEqual(['MCP', 'overlap', 2]);
    expect(a.overlap).toBeCloseTo((5 * 6) / (50 * 6), 6);
    expect([b.label, b.by, b.region, b.overlap]).toEqual([null, null, -1, 0]);
  });

  it('handles no regions', () => {
    expect(roiHits([{ peak: { x: 1, y: 1 }, box: { x0: 0, y0: 0, x1: 2, y1: 2 } }], [])[0].label).toBeNull();
  });
});
