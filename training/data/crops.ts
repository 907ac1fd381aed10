/**
 * BoNet's crop augmentation (Spampinato et al. 2017, §4.2: a fixed number of uniformly spaced crops
 * per image, each a training sample). Offsets form a rank-1 lattice over the free range: crop i sits at
 * x = i/(n−1) and y = (g·i mod n)/(n−1) of it, so both axes take n evenly spaced values and no two
 * crops share a row or a column; g (coprime with n) is the one that keeps the crops farthest apart.
 * For 10 crops of 90×90 out of 100×100: x = 0,1,2,3,4,6,7,8,9,10, g = 3.
 */
export interface CropOffset {
  x: number;
  y: number;
}

export function latticeCropOffsets(width: number, height: number, cropWidth: number, cropHeight: number, count: number): CropOffset[] {
  if (!(cropWidth >= 1 && cropHeight >= 1 && cropWidth <= width && cropHeight <= height)) {
    throw new Error(`Crop ${cropWidth}×${cropHeight} does not fit in ${width}×${height}.`);
  }
  if (!Number.isInteger(count) || count < 1) throw new Error(`Crop count must be a positive integer (got ${count}).`);
  const [fx, fy] = [width - cropWidth, height - cropHeight];
  if (count === 1) return [{ x: Math.round(fx / 2), y: Math.round(fy / 2) }];
  const at = (k: number, free: number) => Math.round((k * free) / (count - 1));
  const lattice = (g: number) => Array.from({ length: count }, (_, i) => ({ x: at(i, fx), y: at((g * i) % count, fy) }));
  let best = lattice(1);
  let bestGap = minGap(best);
  for (let g = 2; g < count; g++) {
    if (gcd(g, count) !== 1) continue;
    const c = lattice(g);
    const gap = minGap(c);
    if (gap > bestGap + 1e-9) [best, bestGap] = [c, gap];
  }
  return best;
}

/** Copies the cropWidth × cropHeight window at (x0, y0) of a row-major plane into `out`. */
export function cropPlane(src: Float32Array, width: number, x0: number, y0: number, cropWidth: number, cropHeight: number, out: Float32Array): Float32Array {
  for (let y = 0; y < cropHeight; y++) out.set(src.subarray((y0 + y) * width + x0, (y0 + y) * width + x0 + cropWidth), y * cropWidth);
  return out;
}

function minGap(points: CropOffset[]): number {
  let m = Infinity;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) m = Math.min(m, Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y));
  }
  return m;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
