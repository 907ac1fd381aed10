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
