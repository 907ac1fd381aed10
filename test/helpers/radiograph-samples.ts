/** Stored sample values shaped like a radiograph (dark background, brighter "bones" with soft
 *  edges, film-grain noise), spanning `bits` bits: lossless codecs must return them exactly,
 *  lossy ones within a tolerance. Deterministic for a given seed. */
export function radiographSamples(width: number, height: number, bits: number, seed = 7): number[] {
  const max = 2 ** bits - 1;
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = new Array<number>(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const finger = ((x / width) * 5) % 1;
      const bone = Math.exp(-(((finger - 0.5) / 0.18) ** 2)) * (y > height * 0.2 ? 1 : 0);
      const base = 0.08 + 0.1 * (y / height) + 0.7 * bone;
      const v = base * max + (rand() - 0.5) * max * 0.04;
      out[y * width + x] = Math.max(0, Math.min(max, Math.round(v)));
    }
  }
  // The extremes appear, so full-range handling (sign bits, top bit) is exercised.
  out[0] = 0;
  out[out.length - 1] = max;
  return out;
}

/** The same shape as two's-complement signed values in `bits` bits (centred on 0). */
export function signedRadiographSamples(width: number, height: number, bits: number, seed = 7): number[] {
  const half = 2 ** (bits - 1);
  return radiographSamples(width, height, bits, seed).map((v) => v - half);
}
