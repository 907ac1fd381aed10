import { describe, expect, it } from 'vitest';
import { chooseInterval, fitMethod, repeatedHalves, seededHalves, type MeasuredCase } from '../../../training/interval/choose-interval';
import { makeRng } from '../../../training/qc/rng';

/** Cases whose error SD is `sdOf(truth)`; the map spread carries no signal. */
function draw(n: number, seed: number, sdOf: (truth: number) => number): MeasuredCase[] {
  const rng = makeRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const truth = rng.uniform(4, 228);
    return { male: i % 2 === 0, truth, estimate: truth + sdOf(truth) * rng.normal(), mapSpread: rng.uniform(1, 10), ttaSpread: NaN };
  });
}

describe('choose-interval', () => {
  it('cuts the same seeded halves every time, disjoint and complete', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i);
    const [a, b] = seededHalves(xs, 2017);
    expect(seededHalves(xs, 2017)).toEqual([a, b]);
    expect(a.length).toBe(50);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(xs);
    expect(seededHalves(xs, 1)[0]).not.toEqual(a);
  });

  it('over random halvings, the procedure covers the nominal share on average, with a spread', () => {
    const cases = draw(1600, 3, () => 12);
    const r = repeatedHalves(cases, 'constant', 0.9, 100);
    expect(r.repeats).toBe(100);
    expect(r.meanCoverage).toBeGreaterThan(0.89);
    expect(r.meanCoverage).toBeLessThan(0.915);
    expect(r.p5Coverage).toBeLessThan(r.meanCoverage);
    expect(r.p95Coverage).toBeGreaterThan(r.meanCoverage);
    // ±1.645·12 months ≈ 39.5 wide.
    expect(r.meanWidthMonths).toBeGreaterThan(37);
    expect(r.meanWidthMonths).toBeLessThan(42);
  });

  it('keeps one width when the error does not depend on age, and takes the bands when it does', () => {
    const flat = draw(1600, 4, () => 12);
    const [c1, t1] = seededHalves(flat, 2017);
    expect(chooseInterval(c1, t1, ['constant', 'age-band', 'map-spread'], 0.9, 40).chosen.method).toBe('constant');
    const byAge = draw(1600, 5, (truth) => (truth < 60 ? 4 : 16));
    const [c2, t2] = seededHalves(byAge, 2017);
    const { chosen, candidates } = chooseInterval(c2, t2, ['constant', 'age-band', 'map-spread'], 0.9, 40);
    expect(chosen.method).toBe('age-band');
    expect(chosen.cal.bandQ![0]).toBeLessThan(chosen.cal.bandQ![3] / 2);
    // What the card records is the fit on the given calibration half, measured on the given test half.
    expect(chosen.cal).toEqual(fitMethod(c2, 'age-band', 0.9).cal);
    expect(chosen.test.n).toBe(t2.length);
    expect(candidates.map((c) => c.method)).toEqual(['constant', 'age-band', 'map-spread']);
  });
});
