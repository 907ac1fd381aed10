import { describe, expect, it } from 'vitest';
import { noteSampleRange } from '../../core/pipeline/sample-range';
import type { DecodedImage } from '../../core/pipeline/types';
import { cellAt, cellRect } from '../../src/viewer/cells';
import { normalise, valueRange, viridis, viridisGradientCss } from '../../src/viewer/colormap';
import { drawAgeMap } from '../../src/viewer/overlay';
import { toCornerstoneImage } from '../../src/viewer/to-cornerstone-image';

describe('cellRect', () => {
  it('divides the whole image evenly, edge to edge, without gaps', () => {
    const rows = 10;
    const cols = 10;
    const w = 403;
    const h = 517;
    expect(cellRect(0, 0, rows, cols, w, h)).toEqual({ x0: 0, y0: 0, x1: 40.3, y1: 51.7 });
    expect(cellRect(rows - 1, cols - 1, rows, cols, w, h)).toMatchObject({ x1: w, y1: h });
    for (let c = 1; c < cols; c++) expect(cellRect(0, c, rows, cols, w, h).x0).toBe(cellRect(0, c - 1, rows, cols, w, h).x1);
    for (let r = 1; r < rows; r++) expect(cellRect(r, 0, rows, cols, w, h).y0).toBe(cellRect(r - 1, 0, rows, cols, w, h).y1);
  });

  it('handles non-square maps (rows ≠ cols)', () => {
    expect(cellRect(1, 2, 4, 8, 800, 400)).toEqual({ x0: 200, x1: 300, y0: 100, y1: 200 });
  });

  it('cellAt inverts cellRect', () => {
    for (let r = 0; r < 7; r++) {
      for (let c = 0; c < 9; c++) {
        const rect = cellRect(r, c, 7, 9, 333, 444);
        expect(cellAt((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2, 7, 9, 333, 444)).toEqual({ row: r, col: c });
      }
    }
    expect(cellAt(-1, 5, 7, 9, 333, 444)).toBeNull();
    expect(cellAt(333, 5, 7, 9, 333, 444)).toBeNull();
  });
});

describe('viridis', () => {
  it('runs from dark purple to yellow, clamped, brightness increasing', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
    const lum = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    for (let t = 0.05; t <= 1; t += 0.05) expect(lum(viridis(t))).toBeGreaterThan(lum(viridis(t - 0.05)));
  });

  it('makes a CSS gradient', () => {
    expect(viridisGradientCss()).toMatch(/^linear-gradient\(to right, rgb\(68, 1, 84\) 0\.0%, .* rgb\(253, 231, 37\) 100\.0%\)$/);
  });

  it('ranges over a map, a flat map sitting mid-scale', () => {
    expect(valueRange(Float32Array.from([120, 130, 125]))).toEqual({ min: 120, max: 130 });
    const flat = valueRange(Float32Array.from([100, 100]));
    expect(normalise(100, flat)).toBeCloseTo(0.5);
    expect(valueRange(Float32Array.from([Number.NaN, 3]))).toEqual({ min: 2.5, max: 3.5 });
  });
});

describe('drawAgeMap', () => {
  it('paints one rectangle per cell, on whole canvas pixels, tiling the image', () => {
    const rects: Array<{ style: string; x: number; y: number; w: number; h: number }> = [];
    const ctx = {
      fillStyle: '',
      globalAlpha: 1,
      save() {},
      restore() {},
      fillRect(x: number, y: number, w: number, h: number) {
        rects.push({ style: String(this.fillStyle), x, y, w, h });
      },
    };
    const map = { rows: 2, cols: 3, months: Float32Array.from([100, 110, 120, 130, 140, 150]) };
    // Image 300×200 shown at half size, offset (10, 5).
    const toCanvas = (p: { x: number; y: number }) => ({ x: 10 + p.x / 2, y: 5 + p.y / 2 });
    drawAgeMap(ctx as unknown as CanvasRenderingContext2D, map, { toCanvas, imageWidth: 300, imageHeight: 200 }, { min: 100, max: 150 }, 0.4);
    expect(rects).toHaveLength(6);
    expect(rects[0]).toEqual({ style: 'rgb(68, 1, 84)', x: 10, y: 5, w: 50, h: 50 });
    expect(rects[5]).toEqual({ style: 'rgb(253, 231, 37)', x: 110, y: 55, w: 50, h: 50 });
    expect(rects.reduce((a, r) => a + r.w * r.h, 0)).toBe(150 * 100);
  });
});

describe('toCornerstoneImage', () => {
  const image = (data: number[], window = { center: 1, width: 2 }): DecodedImage => ({
    width: data.length,
    height: 1,
    data: Float32Array.from(data),
    format: 'dicom',
    bitDepth: 16,
    window,
    meta: {},
    notices: [],
  });

  it('keeps integral data as-is with slope 1, intercept 0', () => {
    const img = toCornerstoneImage(image([-1024, 0, 3071], { center: 40, width: 400 }), 'boneage:1');
    expect(img.getPixelData()).toBeInstanceOf(Int16Array);
    expect(Array.from(img.getPixelData())).toEqual([-1024, 0, 3071]);
    expect(img).toMatchObject({ slope: 1, intercept: 0, minPixelValue: -1024, maxPixelValue: 3071, windowCenter: 40, windowWidth: 400, color: false, invert: false, rows: 1, columns: 3 });
  });

  it('uses Uint16 for integral data above the Int16 range', () => {
    const img = toCornerstoneImage(image([0, 65535]), 'boneage:2');
    expect(img.getPixelData()).toBeInstanceOf(Uint16Array);
    expect(img.maxPixelValue).toBe(65535);
  });

  it('quantises fractional data, with slope and intercept back to source units', () => {
    const src = [0.25, 0.5, 1.75];
    const img = toCornerstoneImage(image(src, { center: 1, width: 1.5 }), 'boneage:3');
    const stored = img.getPixelData();
    expect(img.minPixelValue).toBe(0);
    expect(img.maxPixelValue).toBe(65535);
    src.forEach((v, i) => expect(stored[i] * img.slope + img.intercept).toBeCloseTo(v, 4));
    expect(img.windowCenter).toBe(1);
    expect(img.windowWidth).toBe(1.5);
  });

  it('falls back to min–max for a missing or zero window', () => {
    const img = toCornerstoneImage(image([10, 20], { center: Number.NaN, width: 0 }), 'boneage:4');
    expect(img.windowCenter).toBe(15);
    expect(img.windowWidth).toBe(10);
  });
});

describe('toCornerstoneImage with a range the decoder noted', () => {
  it('gives the same image as a full scan', () => {
    const toImage = toCornerstoneImage;
    const make = (values: number[]): DecodedImage => ({
      width: values.length, height: 1, data: Float32Array.from(values), format: 'png', bitDepth: 16,
      window: { center: 100, width: 50 }, meta: {}, notices: [],
    });
    for (const values of [[3, 250, 0, 17], [0, 40000, 65535], [-5, 7]]) {
      const scanned = toImage(make(values), 'boneage:a');
      const noted = make(values);
      noteSampleRange(noted.data, { min: Math.min(...values), max: Math.max(...values), integral: true });
      const fast = toImage(noted, 'boneage:a');
      expect(Array.from(fast.getPixelData())).toEqual(Array.from(scanned.getPixelData()));
      expect(fast.getPixelData().constructor).toBe(scanned.getPixelData().constructor);
      expect({ ...fast, getPixelData: null }).toEqual({ ...scanned, getPixelData: null });
      // With the decoder's integer samples, those are shown as they are (no copy).
      const withSamples = make(values);
      const samples = Uint16Array.from(values.map((v) => Math.max(0, v)));
      if (Math.min(...values) < 0) continue;
      noteSampleRange(withSamples.data, { min: Math.min(...values), max: Math.max(...values), integral: true, samples });
      const shown = toImage(withSamples, 'boneage:a');
      expect(shown.getPixelData()).toBe(samples);
      expect({ ...shown, getPixelData: null, sizeInBytes: 0 }).toEqual({ ...scanned, getPixelData: null, sizeInBytes: 0 });
    }
  });
});
