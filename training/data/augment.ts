/** Copies a plane shifted by (dx, dy) pixels, replicating edge pixels into the uncovered border. */
export function shiftedCopy(src: Float32Array, width: number, height: number, dx: number, dy: number, out: Float32Array): Float32Array {
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1, Math.max(0, y - dy));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(width - 1, Math.max(0, x - dx));
      out[y * width + x] = src[sy * width + sx];
    }
  }
  return out;
}

/** A random similarity transform about the plane's centre, then a shift (what `affineCopy` applies). */
export interface Affine {
  /** Rotation in radians; positive turns the content clockwise on screen (y points down). */
  angle: number;
  /** Magnification: > 1 enlarges the content. */
  scale: number;
  dx: number;
  dy: number;
}

/**
 * Copies a plane rotated and scaled about its centre and shifted by (dx, dy), sampling bilinearly and
 * replicating edge pixels beyond the border. Identity rotation and scale with integer shifts give exactly
 * `shiftedCopy`, so turning the option off changes nothing.
 */
export function affineCopy(src: Float32Array, width: number, height: number, t: Affine, out: Float32Array): Float32Array {
  const cx = (width - 1) / 2, cy = (height - 1) / 2;
  // Inverse map: output pixel → source point = R(−angle)·(p − c − d) / scale + c.
  const cos = Math.cos(t.angle) / t.scale, sin = Math.sin(t.angle) / t.scale;
  const maxX = width - 1, maxY = height - 1;
  for (let y = 0; y < height; y++) {
    const py = y - cy - t.dy;
    for (let x = 0; x < width; x++) {
      const px = x - cx - t.dx;
      const sx = Math.min(maxX, Math.max(0, cos * px + sin * py + cx));
      const sy = Math.min(maxY, Math.max(0, -sin * px + cos * py + cy));
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      const fx = sx - x0, fy = sy - y0;
      const x1 = x0 < maxX ? x0 + 1 : x0, y1 = y0 < maxY ? y0 + 1 : y0;
      const top = src[y0 * width + x0] * (1 - fx) + src[y0 * width + x1] * fx;
      const bottom = src[y1 * width + x0] * (1 - fx) + src[y1 * width + x1] * fx;
      out[y * width + x] = fy === 0 ? top : top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}
