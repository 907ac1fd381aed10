import { describe, expect, it } from 'vitest';
import { pullingCells } from '../../../core/model/map-pull';

describe('pullingCells', () => {
  it('ranks cells by |cell − mean| and gives each its share of the estimate', () => {
    // 2×3 map, mean 120: deviations 0, +30, −6, −12, 0, −12.
    const map = { rows: 2, cols: 3, months: Float32Array.from([120, 150, 114, 108, 120, 108]) };
    const top = pullingCells(map, 3);
    expect(top.map((c) => [c.row, c.col])).toEqual([[0, 1], [1, 0], [1, 2]]);
    expect(top[0].deltaMonths).toBeCloseTo(30, 5);
    expect(top[0].contributionMonths).toBeCloseTo(5, 5);
    expect(top[1].deltaMonths).toBeCloseTo(-12, 5);
    expect(top[1].contributionMonths).toBeCloseTo(-2, 5);
    // Removing a cell's pull (setting it to the mean) moves the estimate by exactly its contribution.
    const flattened = Float32Array.from(map.months);
    flattened[1] = 120;
    const mean = (xs: Float32Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(map.months) - mean(flattened)).toBeCloseTo(top[0].contributionMonths, 4);
  });

  it('ranks by learned weight × deviation on a weighted map', () => {
    // Weighted mean 0.5·100 + 0.4·130 + 0.1·160 = 118: pulls −9, +4.8, +4.2.
    const map = { rows: 1, cols: 3, months: Float32Array.from([100, 130, 160]), weights: Float32Array.from([0.5, 0.4, 0.1]) };
    const top = pullingCells(map, 3);
    expect(top.map((c) => c.col)).toEqual([0, 1, 2]);
    expect(top[0].contributionMonths).toBeCloseTo(-9, 4);
    expect(top[2].deltaMonths).toBeCloseTo(42, 4);
    expect(top[2].contributionMonths).toBeCloseTo(4.2, 4);
  });

  it('returns at most the cells there are', () => {
    expect(pullingCells({ rows: 1, cols: 2, months: Float32Array.from([1, 2]) }, 5)).toHaveLength(2);
    expect(pullingCells({ rows: 1, cols: 2, months: Float32Array.from([1, 2]) }, 0)).toHaveLength(0);
  });
});
