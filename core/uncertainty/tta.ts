import type { GrayImage } from '../pipeline/types';

/** Shifted copies of a model input plane (edge pixels replicated into the uncovered border), for
 *  test-time augmentation: the spread of the estimates over them is an uncertainty signal. */
export function shiftedPlanes(plane: GrayImage, shifts: Array<[number, number]>): GrayImage[] {
  const { width: w, height: h } = plane;
  return shifts.map(([dx, dy]) => {
    const data = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      const sy = Math.min(h - 1, Math.max(0, y - dy));
      for (let x = 0; x < w; x++) data[y * w + x] = plane.data[sy * w + Math.min(w - 1, Math.max(0, x - dx))];
    }
    return { width: w, height: h, data };
  });
}

/** The shifts the calibration uses: the four ±3 px axis shifts. */
export const TTA_SHIFTS: Array<[number, number]> = [[3, 0], [-3, 0], [0, 3], [0, -3]];
