import { ROI_LABELS, type LocaliserFigures, type RoiBox, type SlotBox } from '../../core/localiser/types';
import { centreDistance, diagonal, iou, unionRect } from '../../core/localiser/geometry';

/** Value at quantile q (0–1) of `xs`, linear between order statistics (numpy's default). */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const HAND_SIZE_DEFINITION = 'diagonal of the union of the 17 ground-truth boxes, in the annotation pixel frame';

/** Hand size for percentages: the diagonal of the box holding all ground-truth boxes of the hand. */
export const handSize = (gt: RoiBox[]) => diagonal(unionRect(gt));

/** Greedy label-level matching (highest IoU first, each box used once): detection-style hits at `threshold`. */
export function labelMatchedHits(pred: RoiBox[], gt: RoiBox[], threshold: number): boolean[] {
  const pairs: Array<{ p: number; g: number; v: number }> = [];
  pred.forEach((p, i) => gt.forEach((g, j) => { if (p.label === g.label) pairs.push({ p: i, g: j, v: iou(p, g) }); }));
  pairs.sort((a, b) => b.v - a.v);
  const usedP = new Set<number>();
  const hit = gt.map(() => false);
  for (const { p, g, v } of pairs) {
    if (v < threshold || usedP.has(p) || hit[g]) continue;
    usedP.add(p);
    hit[g] = true;
  }
  return hit;
}

/**
 * Figures over held-out hands. Each hand gives its predicted and ground-truth boxes in the same pixel frame
 * and in the same canonical slot order. A box's centre error is the distance between centres as a percentage
 * of the hand's size; recall at IoU ≥ 0.3 counts the ground-truth boxes whose own slot's prediction overlaps
 * them that much (finger identity must be right). `recall_iou_0_3_any_same_label` is the looser
 * detection-style recall: any prediction of the same label, matched greedily one to one.
 */
export function localiserFigures(hands: Array<{ pred: SlotBox[]; gt: SlotBox[] }>, threshold = 0.3): LocaliserFigures {
  const all: number[] = [];
  const per = new Map<string, { err: number[]; hits: number; anyHits: number; ious: number[] }>();
  for (const l of ROI_LABELS) per.set(l, { err: [], hits: 0, anyHits: 0, ious: [] });
  for (const { pred, gt } of hands) {
    if (pred.length !== gt.length) throw new Error(`Prediction has ${pred.length} boxes, ground truth ${gt.length}.`);
    const size = handSize(gt);
    const anyHit = labelMatchedHits(pred, gt, threshold);
    gt.forEach((g, i) => {
      const p = pred[i];
      if (p.slot.name !== g.slot.name) throw new Error(`Slot ${i}: ${p.slot.name} vs ${g.slot.name}.`);
      const e = (100 * centreDistance(p, g)) / size;
      const v = iou(p, g);
      const s = per.get(g.label)!;
      s.err.push(e);
      s.ious.push(v);
      if (v >= threshold) s.hits++;
      if (anyHit[i]) s.anyHits++;
      all.push(e);
    });
  }
  const r = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
  const per_label: LocaliserFigures['per_label'] = {};
  let hits = 0;
  for (const [label, s] of per) {
    hits += s.hits;
    per_label[label] = {
      boxes: s.err.length,
      centre_error_pct_median: r(quantile(s.err, 0.5)),
      centre_error_pct_p95: r(quantile(s.err, 0.95)),
      recall_iou_0_3: r(s.hits / s.err.length, 4),
      recall_iou_0_3_any_same_label: r(s.anyHits / s.err.length, 4),
      mean_iou: r(s.ious.reduce((a, b) => a + b, 0) / s.ious.length, 4),
    };
  }
  return {
    n_hands: hands.length,
    hand_size: HAND_SIZE_DEFINITION,
    centre_error_pct: { median: r(quantile(all, 0.5)), p95: r(quantile(all, 0.95)), mean: r(all.reduce((a, b) => a + b, 0) / all.length) },
    per_label,
    recall_iou_0_3: r(hits / all.length, 4),
    matching: 'per slot: each ground-truth box against the prediction for the same finger and label',
  };
}
