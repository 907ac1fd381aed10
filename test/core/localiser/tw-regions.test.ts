import { describe, expect, it } from 'vitest';
import { canonicalOrder } from '../../../core/localiser/canonical';
import { THUMB_METACARPAL_TO_PROXIMAL, twRegions } from '../../../core/localiser/tw-regions';
import { schematicHand } from '../../helpers/schematic-hand';

describe('twRegions', () => {
  const boxes = canonicalOrder(schematicHand());
  const regions = twRegions(boxes);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const slot = (name: string) => boxes.find((b) => b.slot.name === name)!;
  const fingerOf = (name: string) => (slot(name) as unknown as { finger: number }).finger;

  it('gives the 13 RUS bones and the carpal region', () => {
    expect(regions.filter((r) => r.group === 'RUS')).toHaveLength(13);
    expect(regions.filter((r) => r.group === 'Carpal').map((r) => r.id)).toEqual(['carpals']);
    expect(new Set(regions.map((r) => r.id)).size).toBe(14);
  });

  it('takes each epiphysis from the joint box that holds it, on the right finger', () => {
    const cases: Array<[string, string, number | null]> = [
      ['radius', 'Radius', null], ['ulna', 'Ulna', null], ['carpals', 'Wrist', null],
      ['distal1', 'PIP1', 1], ['distal3', 'DIP3', 3], ['distal5', 'DIP5', 5],
      ['middle3', 'PIP3', 3], ['middle5', 'PIP5', 5],
      ['proximal1', 'MCP1', 1], ['proximal3', 'MCP3', 3], ['proximal5', 'MCP5', 5],
      ['metacarpal3', 'MCP3', 3], ['metacarpal5', 'MCP5', 5],
    ];
    for (const [id, source, finger] of cases) {
      const r = byId.get(id as never)!;
      const b = slot(source);
      expect(r.source, id).toBe(source);
      expect(r.derived).toBe(false);
      expect([r.x0, r.y0, r.x1, r.y1], id).toEqual([b.x0, b.y0, b.x1, b.y1]);
      if (finger) expect(fingerOf(source), id).toBe(finger);
    }
  });

  it('places metacarpal I at its base: one metacarpal length from the thumb MCP, away from the IP joint', () => {
    const m1 = byId.get('metacarpal1')!;
    const c = (b: { x0: number; y0: number; x1: number; y1: number }) => ({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 });
    const [ip, mcp, base] = [c(slot('PIP1')), c(slot('MCP1')), c(m1)];
    expect(m1.derived).toBe(true);
    expect(base.x).toBeCloseTo(mcp.x + THUMB_METACARPAL_TO_PROXIMAL * (mcp.x - ip.x), 6);
    expect(base.y).toBeCloseTo(mcp.y + THUMB_METACARPAL_TO_PROXIMAL * (mcp.y - ip.y), 6);
    // In the schematic hand that lands between the thumb MCP and the wrist, nearer the wrist than the MCP is.
    const wrist = c(slot('Wrist'));
    expect(Math.hypot(base.x - wrist.x, base.y - wrist.y)).toBeLessThan(Math.hypot(mcp.x - wrist.x, mcp.y - wrist.y));
    expect(m1.x1 - m1.x0).toBeCloseTo(slot('MCP1').x1 - slot('MCP1').x0, 9);
    expect(m1.score).toBe(0.5);
  });
});
