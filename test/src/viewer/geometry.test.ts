import { describe, expect, it } from 'vitest';
import {
  MAX_SCALE,
  MIN_SCALE,
  canvasToImage,
  dragAction,
  dragZoomFactor,
  imageToCanvas,
  panBy,
  wheelZoomFactor,
  windowLevelFromDrag,
  windowSensitivity,
  zoomAt,
} from '../../../src/viewer/geometry';

const image = { width: 400, height: 500 };
const canvas = { width: 900, height: 700 };

describe('window/level from a drag', () => {
  it('right widens, down raises the level, in proportion to the drag', () => {
    const start = { windowWidth: 4096, windowCenter: 2048 };
    expect(windowLevelFromDrag(start, 100, 0, 8)).toEqual({ windowWidth: 4896, windowCenter: 2048 });
    expect(windowLevelFromDrag(start, 0, 50, 8)).toEqual({ windowWidth: 4096, windowCenter: 2448 });
    expect(windowLevelFromDrag(start, -30, -20, 2)).toEqual({ windowWidth: 4036, windowCenter: 2008 });
  });

  it('never lets the width reach zero or below', () => {
    expect(windowLevelFromDrag({ windowWidth: 100, windowCenter: 50 }, -1000, 0, 1).windowWidth).toBe(1);
  });

  it('depends only on the total movement, not on the steps', () => {
    const start = { windowWidth: 255, windowCenter: 128 };
    const once = windowLevelFromDrag(start, 37, -12, 0.51);
    expect(once.windowWidth).toBeCloseTo(255 + 37 * 0.51, 10);
    expect(once.windowCenter).toBeCloseTo(128 - 12 * 0.51, 10);
  });

  it('scales sensitivity with the image value range (8-bit and 16-bit feel alike)', () => {
    expect(windowSensitivity(0, 255)).toBeCloseTo(0.51);
    expect(windowSensitivity(0, 65535)).toBeCloseTo(131.07);
    expect(windowSensitivity(0, 65535, 0.5)).toBeCloseTo(65.535);
    expect(windowSensitivity(7, 7)).toBeCloseTo(1 / 500); // a flat image still moves
  });
});

describe('zoom around the cursor', () => {
  const view = { scale: 1.3, translation: { x: 12, y: -7 } };

  it('keeps the image point under the cursor where it is', () => {
    for (const factor of [1.25, 0.8, 3, 0.1]) {
      for (const q of [
        { x: 100, y: 200 },
        { x: 450, y: 350 },
        { x: 880, y: 5 },
      ]) {
        const at = { x: q.x - canvas.width / 2, y: q.y - canvas.height / 2 };
        const before = canvasToImage(view, q, image, canvas);
        const zoomed = zoomAt(view, factor, at);
        const after = canvasToImage(zoomed, q, image, canvas);
        expect(after.x).toBeCloseTo(before.x, 9);
        expect(after.y).toBeCloseTo(before.y, 9);
        expect(zoomed.scale).toBeCloseTo(view.scale * factor, 12);
      }
    }
  });

  it('about the centre leaves the translation alone', () => {
    expect(zoomAt(view, 2, { x: 0, y: 0 })).toEqual({ scale: 2.6, translation: { x: 12, y: -7 } });
  });

  it('clamps the scale, still without moving the point under the cursor', () => {
    const q = { x: 700, y: 100 };
    const at = { x: q.x - canvas.width / 2, y: q.y - canvas.height / 2 };
    const big = zoomAt(view, 1e6, at);
    expect(big.scale).toBe(MAX_SCALE);
    expect(canvasToImage(big, q, image, canvas).x).toBeCloseTo(canvasToImage(view, q, image, canvas).x, 9);
    expect(zoomAt(view, 1e-6, at).scale).toBe(MIN_SCALE);
  });

  it('wheel: down zooms out, up zooms in, opposite notches cancel', () => {
    expect(wheelZoomFactor(100)).toBeLessThan(1);
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1, 12);
    expect(wheelZoomFactor(0)).toBe(1);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(wheelZoomFactor(99), 12); // lines ≈ 33 px
    expect(dragZoomFactor(-200)).toBeCloseTo(2);
    expect(dragZoomFactor(200)).toBeCloseTo(0.5);
  });
});

describe('pan', () => {
  it('moves the image with the pointer, whatever the zoom', () => {
    for (const scale of [0.5, 1, 2.75]) {
      const view = { scale, translation: { x: 3, y: 4 } };
      const p = { x: 123, y: 321 };
      const before = imageToCanvas(view, p, image, canvas);
      const after = imageToCanvas(panBy(view, 40, -25), p, image, canvas);
      expect(after.x - before.x).toBeCloseTo(40, 9);
      expect(after.y - before.y).toBeCloseTo(-25, 9);
    }
  });

  it('imageToCanvas and canvasToImage are inverses; the centre of a fresh view is the image centre', () => {
    const view = { scale: 0.8, translation: { x: -15, y: 22 } };
    const p = { x: 10, y: 470 };
    const back = canvasToImage(view, imageToCanvas(view, p, image, canvas), image, canvas);
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
    expect(imageToCanvas({ scale: 1, translation: { x: 0, y: 0 } }, { x: 200, y: 250 }, image, canvas)).toEqual({ x: 450, y: 350 });
  });
});

describe('which drag a mouse button does', () => {
  const none = { shiftKey: false, ctrlKey: false, metaKey: false };
  it('left follows the tool, right is window/level, middle pans, modifiers override the tool', () => {
    expect(dragAction(0, 'window', none)).toBe('window');
    expect(dragAction(0, 'pan', none)).toBe('pan');
    expect(dragAction(0, 'zoom', none)).toBe('zoom');
    expect(dragAction(2, 'pan', none)).toBe('window');
    expect(dragAction(1, 'window', none)).toBe('pan');
    expect(dragAction(0, 'window', { ...none, shiftKey: true })).toBe('pan');
    expect(dragAction(0, 'window', { ...none, ctrlKey: true })).toBe('zoom');
    expect(dragAction(3, 'window', none)).toBeNull();
  });
});
