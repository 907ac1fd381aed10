/** A random similarity transform plus a gamma change, applied to a raw (not yet z-scored) plane and its boxes. */
export interface AugmentParams {
  scale: number;
  /** Radians, positive = clockwise on screen (y points down). */
  angle: number;
  /** Shift in pixels of the plane. */
  dx: number;
  dy: number;
  gamma: number;
  flip: boolean;
}

export const IDENTITY: AugmentParams = { scale: 1, angle: 0, dx: 0, dy: 0, gamma: 1, flip: false };

export interface AugmentRanges {
  scale: number; // ± fraction
  degrees: number; // ±
  shift: number; // ± pixels
  gamma: number; // ± log2 units
  flip: number; // probability
}

export function drawParams(rand: () => number, r: AugmentRanges): AugmentParams {
  const u = () => rand() * 2 - 1;
  return {
    scale: 1 + u() * r.scale,
    angle: (u() * r.degrees * Math.PI) / 180,
    dx: u() * r.shift,
    dy: u() * r.shift,
    gamma: 2 ** (u() * r.gamma),
    flip: rand() < r.flip,
  };
}

/**
 * Warps `src` (width × height, raw intensities ≥ 0) by `p` about the plane's centre with bilinear sampling
 * (edges replicated), and moves the boxes with it: each centre goes through the same transform, each size is
 * multiplied by the scale (a joint's box does not grow because the hand is tilted a few degrees).
 * Boxes are [cx, cy, w, h] fractions of the plane, 4 per box; both outputs are fresh arrays.
 * Gamma acts on intensities scaled to [0, 1] by the plane's maximum; z-scoring comes after, as in preprocess.
 */
export function augment(src: Float32Array, width: number, height: number, boxes: Float32Array, p: AugmentParams): { plane: Float32Array; boxes: Float32Array } {
  const cx = width / 2;
  const cy = height / 2;
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  let max = 0;
  for (const v of src) if (v > max) max = v;
  const norm = max > 0 ? 1 / max : 1;
  const plane = new Float32Array(width * height);
  const at = (x: number, y: number) => src[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Output pixel centre → input position: undo shift, rotation and scale, then the flip.
      const ox = x + 0.5 - cx - p.dx;
      const oy = y + 0.5 - cy - p.dy;
      let ix = (cos * ox + sin * oy) / p.scale + cx;
      const iy = (-sin * ox + cos * oy) / p.scale + cy;
      if (p.flip) ix = width - ix;
      const fx = ix - 0.5;
      const fy = iy - 0.5;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const tx = fx - x0;
      const ty = fy - y0;
      const v = (at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx) * (1 - ty) + (at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx) * ty;
      plane[y * width + x] = p.gamma === 1 ? v : Math.pow(Math.max(0, v * norm), p.gamma) * max;
    }
  }
  const out = new Float32Array(boxes.length);
  for (let i = 0; i < boxes.length; i += 4) {
    let bx = boxes[i] * width;
    const by = boxes[i + 1] * height;
    if (p.flip) bx = width - bx;
    const ox = bx - cx;
    const oy = by - cy;
    out[i] = (p.scale * (cos * ox - sin * oy) + cx + p.dx) / width;
    out[i + 1] = (p.scale * (sin * ox + cos * oy) + cy + p.dy) / height;
    out[i + 2] = boxes[i + 2] * p.scale;
    out[i + 3] = boxes[i + 3] * p.scale;
  }
  return { plane, boxes: out };
}
