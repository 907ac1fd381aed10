/**
 * The viewer's geometry as pure functions. cornerstone maps an image pixel p to the canvas as
 *   canvas = C + s · (T + p − I/2)
 * (C the canvas centre, s the scale, T the translation in image pixels, I the image size), so
 * everything here works in that model.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Voi {
  windowWidth: number;
  windowCenter: number;
}

export interface ViewTransform {
  scale: number;
  translation: Point;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 40;

/** How many stored-value units one pixel of mouse travel moves the window: the image's whole value
 *  range over about 500 px of drag, so an 8-bit PNG and a 16-bit DICOM feel alike. */
export function windowSensitivity(minPixelValue: number, maxPixelValue: number, slope = 1): number {
  const range = Math.abs(maxPixelValue - minPixelValue) * Math.abs(slope || 1);
  return Math.max(range, 1) / 500;
}

/**
 * Window/level after a drag of (dx, dy) canvas pixels from `start`: right widens the window (less
 * contrast), down raises the level (darker image), as in most PACS viewers. The width stays ≥ 1.
 */
export function windowLevelFromDrag(start: Voi, dx: number, dy: number, perPixel: number): Voi {
  return {
    windowWidth: Math.max(1, start.windowWidth + dx * perPixel),
    windowCenter: start.windowCenter + dy * perPixel,
  };
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Wheel notches → zoom factor: one notch (deltaY 100) zooms by about 16 %, down zooms out. */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 800 : deltaY;
  return Math.exp(-pixels * 0.0015);
}

/**
 * Zooms by `factor` keeping the image point under `at` (canvas pixels, relative to the canvas
 * centre) where it is: T' = T + (at/s' − at/s). The scale is clamped; the point stays fixed anyway.
 */
export function zoomAt(view: ViewTransform, factor: number, at: Point): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const k = 1 / scale - 1 / view.scale;
  return { scale, translation: { x: view.translation.x + at.x * k, y: view.translation.y + at.y * k } };
}

/** Pans by a drag of (dx, dy) canvas pixels: the image follows the pointer. */
export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { scale: view.scale, translation: { x: view.translation.x + dx / view.scale, y: view.translation.y + dy / view.scale } };
}

/** Where image point p lands on the canvas (the model above). For the tests and the probe. */
export function imageToCanvas(view: ViewTransform, p: Point, image: { width: number; height: number }, canvas: { width: number; height: number }): Point {
  return {
    x: canvas.width / 2 + view.scale * (view.translation.x + p.x - image.width / 2),
    y: canvas.height / 2 + view.scale * (view.translation.y + p.y - image.height / 2),
  };
}

/** Inverse of imageToCanvas. */
export function canvasToImage(view: ViewTransform, q: Point, image: { width: number; height: number }, canvas: { width: number; height: number }): Point {
  return {
    x: (q.x - canvas.width / 2) / view.scale - view.translation.x + image.width / 2,
    y: (q.y - canvas.height / 2) / view.scale - view.translation.y + image.height / 2,
  };
}

/** The drag a mouse button does: left follows the chosen tool, right is always window/level, middle
 *  (or the left button with Shift) pans, the left button with Ctrl zooms. */
export type Tool = 'window' | 'pan' | 'zoom';

export function dragAction(button: number, tool: Tool, mods: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): Tool | null {
  if (button === 1) return 'pan';
  if (button === 2) return 'window';
  if (button !== 0) return null;
  if (mods.shiftKey) return 'pan';
  if (mods.ctrlKey || mods.metaKey) return 'zoom';
  return tool;
}

/** Vertical drag with the zoom tool: up zooms in, 200 px doubles. */
export function dragZoomFactor(dy: number): number {
  return Math.pow(2, -dy / 200);
}
