import { mulberry32 } from '../../training/data/split';
import { HAND_HEIGHT, HAND_WIDTH, makeHandPixels } from '../browser/fixtures';
import { makeFilteredGrayPng } from './make-png-filtered';

/**
 * A large radiograph-like 8-bit grayscale image: the synthetic hand of the browser fixtures, scaled up
 * smoothly to width × height, with a soft exposure gradient and grainy noise. Real hand radiographs
 * compress to about 0.2–0.5 bytes per pixel as PNG; this one lands near 0.4 with filtered rows (2000×2500:
 * 1.96 MB; rows Up 43 %, Average 34 %, Paeth 23 %), so decoding it costs what decoding a real one of the
 * same size costs (the flat test images compress 25× better than that).
 */
export function radiographLikePixels(width: number, height: number, seed = 7): Uint8Array {
  const hand = makeHandPixels();
  const rand = mulberry32(seed);
  const out = new Uint8Array(width * height);
  const sx = (HAND_WIDTH - 1) / Math.max(1, width - 1);
  const sy = (HAND_HEIGHT - 1) / Math.max(1, height - 1);
  for (let y = 0; y < height; y++) {
    const fy = y * sy;
    const y0 = Math.floor(fy);
    const y1 = Math.min(HAND_HEIGHT - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = x * sx;
      const x0 = Math.floor(fx);
      const x1 = Math.min(HAND_WIDTH - 1, x0 + 1);
      const wx = fx - x0;
      const top = hand[y0 * HAND_WIDTH + x0] * (1 - wx) + hand[y0 * HAND_WIDTH + x1] * wx;
      const bottom = hand[y1 * HAND_WIDTH + x0] * (1 - wx) + hand[y1 * HAND_WIDTH + x1] * wx;
      const shading = 10 * (x / width) + 6 * (y / height); // the heel effect: exposure varies across the film
      const grain = (rand() + rand() + rand() - 1.5) * 2; // roughly Gaussian quantum noise
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(top * (1 - wy) + bottom * wy + shading + grain)));
    }
  }
  return out;
}

/** The same as an 8-bit grayscale PNG, each row's filter chosen as libpng does (mostly Paeth, as in
 *  real radiographs, whose rows then cost their decoder the same unfiltering work). */
export function makeRadiographLikePng(width: number, height: number, seed = 7): Uint8Array {
  return makeFilteredGrayPng({ width, height, data: radiographLikePixels(width, height, seed), depth: 8, filters: 'adaptive' });
}
