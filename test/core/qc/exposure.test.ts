import { describe, expect, it } from 'vitest';
import type { DecodedImage, GrayImage } from '../../../core/pipeline/types';
import { exposureFlags, exposureStats, fullScaleOf } from '../../../core/qc/exposure';
import { burntOut, tooDark } from '../../../training/qc/negatives';
import { makeRng } from '../../../training/qc/rng';
import { syntheticLeftHand } from '../../../training/qc/synthetic-hand';

const EIGHT_BIT = { lo: 0, hi: 255 };
const codes = (img: GrayImage) => exposureFlags(exposureStats(img, EIGHT_BIT)).map((f) => f.code);

describe('exposure checks', () => {
  it('pass a normally exposed generated hand', () => {
    for (let seed = 1; seed <= 20; seed++) expect(codes(syntheticLeftHand(100, 100, seed)), `seed ${seed}`).toEqual([]);
  });

  it('call a uniform image blank (not a hand), with only that flag', () => {
    const flat = { width: 64, height: 64, data: new Float32Array(64 * 64).fill(128) };
    const flags = exposureFlags(exposureStats(flat, EIGHT_BIT));
    expect(flags.map((f) => f.code)).toEqual(['not-hand']);
    expect(flags[0].message).toMatch(/blank/);
  });

  it('flag an underexposed hand as too dark', () => {
    const rng = makeRng(3);
    for (let seed = 1; seed <= 10; seed++) expect(codes(tooDark(syntheticLeftHand(100, 100, seed), rng))).toContain('too-dark');
  });

  it('flag washed-out and clipped hands as burnt out', () => {
    const rng = makeRng(4);
    for (let seed = 1; seed <= 20; seed++) expect(codes(burntOut(syntheticLeftHand(100, 100, seed), rng))).toContain('burnt-out');
  });

  it('measures percentiles on the full scale', () => {
    const ramp = { width: 256, height: 1, data: Float32Array.from({ length: 256 }, (_, i) => i) };
    const s = exposureStats(ramp, EIGHT_BIT);
    expect(s.p50).toBeCloseTo(0.5, 1);
    expect(s.p99).toBeGreaterThan(0.97);
    expect(s.clipped).toBeCloseTo(3 / 256, 2);
  });

  it('uses the DICOM window as full scale for deep images, the bit depth otherwise', () => {
    const base = { width: 1, height: 1, data: new Float32Array(1), meta: {}, notices: [] };
    expect(fullScaleOf({ ...base, format: 'dicom', bitDepth: 12, window: { center: 500, width: 400 } } as DecodedImage)).toEqual({ lo: 300, hi: 700 });
    expect(fullScaleOf({ ...base, format: 'png', bitDepth: 16, window: { center: 0, width: 1 } } as DecodedImage)).toEqual({ lo: 0, hi: 65535 });
  });
});
