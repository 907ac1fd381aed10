import { describe, expect, it } from 'vitest';
import { canonicalOrder } from '../../../core/localiser/canonical';
import { handSize, labelMatchedHits, localiserFigures, quantile } from '../../../training/localiser/metrics';
import { schematicHand } from '../../helpers/schematic-hand';

const gt = canonicalOrder(schematicHand());
const shift = (dx: number, dy: number) => gt.map((b) => ({ ...b, x0: b.x0 + dx, x1: b.x1 + dx, y0: b.y0 + dy, y1: b.y1 + dy }));

describe('localiser metrics', () => {
  it('quantile interpolates between order statistics', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5, 12);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('a perfect prediction has zero error and full recall', () => {
    const f = localiserFigures([{ pred: gt, gt }]);
    expect(f.centre_error_pct).toEqual({ median: 0, p95: 0, mean: 0 });
    expect(f.recall_iou_0_3).toBe(1);
    for (const s of Object.values(f.per_label)) expect(s.recall_iou_0_3).toBe(1);
    expect(f.per_label.PIP.boxes).toBe(5);
  });

  it('centre error is a percentage of the diagonal of the union of the ground-truth boxes', () => {
    const size = handSize(gt);
    const f = localiserFigures([{ pred: shift(0.03 * size, 0.04 * size), gt }]);
    expect(f.centre_error_pct.median).toBeCloseTo(5, 6);
    expect(f.centre_error_pct.p95).toBeCloseTo(5, 6);
  });

  it('recall at IoU ≥ 0.3 counts only boxes that overlap enough', () => {
    // Joint boxes are 60 px: a 40 px shift leaves IoU = (20·60)/(2·3600 − 1200) = 0.2; the wrist (220 px) stays above 0.3.
    const f = localiserFigures([{ pred: shift(40, 0), gt }]);
    expect(f.per_label.DIP.recall_iou_0_3).toBe(0);
    expect(f.per_label.Wrist.recall_iou_0_3).toBe(1);
    expect(f.per_label.DIP.mean_iou).toBeCloseTo(0.2, 4);
    const g = localiserFigures([{ pred: shift(20, 0), gt }]); // IoU 40/80 = 0.5
    expect(g.per_label.DIP.recall_iou_0_3).toBe(1);
  });

  it('per-slot recall needs the right finger; label-level matching does not', () => {
    const swapped = gt.map((b) => ({ ...b }));
    const [i, j] = [gt.findIndex((b) => b.slot.name === 'DIP2'), gt.findIndex((b) => b.slot.name === 'DIP3')];
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) [swapped[i][k], swapped[j][k]] = [gt[j][k], gt[i][k]];
    const f = localiserFigures([{ pred: swapped, gt }]);
    expect(f.per_label.DIP.recall_iou_0_3).toBe(0.5);
    expect(f.per_label.DIP.recall_iou_0_3_any_same_label).toBe(1);
    expect(labelMatchedHits(swapped, gt, 0.3).every(Boolean)).toBe(true);
  });
});
