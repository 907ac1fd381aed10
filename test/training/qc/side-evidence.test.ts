import { describe, expect, it } from 'vitest';
import { ROI_SLOTS } from '../../../core/localiser/constants';
import type { SlotBox } from '../../../core/localiser/types';
import { fitLogistic, layoutSignal, logisticScore, sideFeatures } from '../../../training/qc/side-evidence';
import { makeRng } from '../../../training/qc/rng';

/** 17 boxes of a schematic hand on a `width`-wide image; `left` puts the thumb and radius on the image's right. */
function hand(width: number, left: boolean, score = 0.5): SlotBox[] {
  const x = (f: number) => (left ? f : 1 - f) * width; // f: fraction of the width on a left hand
  const at: Record<string, number> = { Radius: 0.62, Ulna: 0.4, Wrist: 0.5 };
  return ROI_SLOTS.map((slot) => {
    const f = slot.finger ? 0.85 - 0.12 * (slot.finger - 1) : at[slot.label];
    return { label: slot.label, slot, x0: x(f) - 2, x1: x(f) + 2, y0: 10, y1: 14, score };
  });
}

describe('layoutSignal', () => {
  it('is positive for a left hand and negative for its mirror, as fractions of the width', () => {
    const l = layoutSignal(hand(200, true, 0.6), 200);
    expect(l.radiusMinusUlna).toBeCloseTo(0.22, 6);
    expect(l.thumbOffset).toBeCloseTo(0.85 - (0.73 + 0.61 + 0.49 + 0.37) / 4, 6);
    expect(l.meanScore).toBeCloseTo(0.6, 6);
    const r = layoutSignal(hand(200, false), 200);
    expect(r.radiusMinusUlna).toBeCloseTo(-0.22, 6);
    expect(r.thumbOffset).toBeLessThan(0);
  });
  it('names the missing box', () => {
    expect(() => layoutSignal(hand(100, true).filter((b) => b.slot.name !== 'Ulna'), 100)).toThrow(/Ulna/);
  });
});

describe('sideFeatures', () => {
  const obs = {
    probs: Float32Array.from([0.8, 0.02, 0.1, 0.04, 0.02, 0.02]),
    probsFlipped: Float32Array.from([0.1, 0.02, 0.8, 0.04, 0.02, 0.02]),
    boxes: hand(100, true, 0.6),
    boxesFlipped: hand(100, true, 0.4),
  };
  it('points left when the image looks less mirrored and locates better than its mirror', () => {
    const f = sideFeatures(obs, 100);
    expect(f.mirrorTta).toBeCloseTo(Math.log(0.8 / 0.2) - Math.log(0.1 / 0.9), 4);
    expect(f.okTta).toBeCloseTo(Math.log(0.8 / 0.2) - Math.log(0.1 / 0.9), 4);
    expect(f.scoreGap).toBeCloseTo(0.2, 6);
  });
  it('negates the flip evidence when the observation is mirrored', () => {
    const f = sideFeatures(obs, 100);
    const m = sideFeatures({ probs: obs.probsFlipped, probsFlipped: obs.probs, boxes: obs.boxesFlipped, boxesFlipped: obs.boxes }, 100);
    expect(m.mirrorTta).toBeCloseTo(-f.mirrorTta, 6);
    expect(m.okTta).toBeCloseTo(-f.okTta, 6);
    expect(m.scoreGap).toBeCloseTo(-f.scoreGap, 6);
  });
});

describe('fitLogistic', () => {
  it('recovers the weights of a known logistic model', () => {
    const rng = makeRng(3);
    const X: number[][] = [], y: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const a = rng.normal(), b = 2 * rng.normal();
      X.push([a, b]);
      y.push(rng() < 1 / (1 + Math.exp(-(0.5 + 2 * a - 0.5 * b))) ? 1 : 0);
    }
    const m = fitLogistic(['a', 'b'], X, y, 0);
    // Weights act on standardised features: weight / sd is the coefficient on the raw feature.
    expect(m.weights[0] / m.sd[0]).toBeCloseTo(2, 0);
    expect(m.weights[1] / m.sd[1]).toBeCloseTo(-0.5, 1);
    expect(logisticScore(m, [0, 0])).toBeCloseTo(0.5, 0);
  });
  it('separates two clusters, and the penalty keeps the weights finite', () => {
    const X = [[-2], [-1.5], [-1], [1], [1.5], [2]], y = [0, 0, 0, 1, 1, 1];
    const m = fitLogistic(['x'], X, y, 1e-2);
    expect(Number.isFinite(m.weights[0])).toBe(true);
    expect(X.map((x) => logisticScore(m, x) > 0)).toEqual([false, false, false, true, true, true]);
  });
  it('refuses labels that do not match the rows', () => {
    expect(() => fitLogistic(['x'], [[1]], [])).toThrow(/labels/);
  });
});
