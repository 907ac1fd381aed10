import type { Projection } from './deconvnet';

/** A rectangle in continuous pixel coordinates: (0,0) is the top-left corner of the top-left pixel;
 *  x1, y1 are exclusive edges (a box around pixel column 3 alone is x0 = 3, x1 = 4). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where a projection lands: its peak and the region around it. */
export interface ProjectionRegion {
  /** Centre of the pixel with the largest |reconstruction|. */
  peak: Point;
  /** Bounding box of every pixel whose |reconstruction| ≥ fraction × that largest value. */
  box: Box;
  /** The largest |reconstruction| (0 for an empty projection, whose box is the peak pixel). */
  max: number;
}

/**
 * The default threshold: pixels at ≥ 25 % of the peak magnitude. The reconstruction is signed (it
 * reproduces edges, so both signs carry the pattern); its magnitude is what we bound. 25 % keeps the
 * structure the activation responded to and drops the faint tails that the stacked filters spread
 * over the whole receptive field.
 */
export const DEFAULT_BOX_FRACTION = 0.25;

export function projectionRegion(p: Pick<Projection, 'width' | 'height' | 'pixels'>, fraction = DEFAULT_BOX_FRACTION): ProjectionRegion {
  const { width, height, pixels } = p;
  let max = 0;
  let at = 0;
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.abs(pixels[i]);
    if (v > max) {
      max = v;
      at = i;
    }
  }
  const px = at % width;
  const py = Math.floor(at / width);
  const box = { x0: px, y0: py, x1: px + 1, y1: py + 1 };
  if (max > 0) {
    const cut = max * fraction;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        if (Math.abs(pixels[y * width + x]) < cut) continue;
        if (x < box.x0) box.x0 = x;
        if (x + 1 > box.x1) box.x1 = x + 1;
        if (y < box.y0) box.y0 = y;
        if (y + 1 > box.y1) box.y1 = y + 1;
      }
  }
  return { peak: { x: px + 0.5, y: py + 0.5 }, box, max };
}

/**
 * Input-plane coordinates → the original image's pixel frame. The preprocessing squashes the whole
 * image to the input size (aspect ignored, nearest sampling), so input pixel u stands for the band
 * [u·W/w, (u+1)·W/w) of the original — the same even mapping the age-map cells use.
 */
export function toImageFrame<T extends Box | Point>(shape: T, input: { width: number; height: number }, image: { width: number; height: number }): T {
  const sx = image.width / input.width;
  const sy = image.height / input.height;
  if ('x0' in shape) return { x0: shape.x0 * sx, y0: shape.y0 * sy, x1: shape.x1 * sx, y1: shape.y1 * sy } as T;
  return { x: shape.x * sx, y: shape.y * sy } as T;
}
