import { resampleNearest } from '../../core/pipeline/resample-nearest';
import type { GrayImage } from '../../core/pipeline/types';
import { flipHorizontal, rotate } from '../../core/qc/transforms';
import type { QcCode } from '../../core/qc/types';
import { darkLevel } from './augment-hand';
import type { Rng } from './rng';

/** Generated images that quality control must flag, built in memory (never saved), 0–255, and the
 *  flag each one should get. Hands come from the caller: real thumbnails or generated hands. */
export type NegativeKind =
  | 'blank' | 'noise' | 'texture' | 'shapes' | 'photo-like'
  | 'mirrored' | 'rotated' | 'inverted' | 'too-dark' | 'burnt-out' | 'two-hands';

export const EXPECTED_CODE: Record<NegativeKind, QcCode> = {
  blank: 'not-hand', noise: 'not-hand', texture: 'not-hand', shapes: 'not-hand', 'photo-like': 'not-hand',
  mirrored: 'mirrored', rotated: 'rotated', inverted: 'inverted', 'too-dark': 'too-dark', 'burnt-out': 'burnt-out', 'two-hands': 'multiple-hands',
};

const clamp255 = (v: number) => Math.min(255, Math.max(0, Math.round(v)));

function blankImage(w: number, h: number, rng: Rng): GrayImage {
  const level = rng.uniform(0, 255), jitter = rng.uniform(0, 1);
  return { width: w, height: h, data: Float32Array.from({ length: w * h }, () => clamp255(level + jitter * rng.normal())) };
}

/** Uniform, Gaussian, salt-and-pepper or smoothed noise. */
export function noiseImage(w: number, h: number, rng: Rng): GrayImage {
  const kind = rng.int(0, 3), mean = rng.uniform(40, 200), sd = rng.uniform(10, 70);
  let data: Float32Array = Float32Array.from({ length: w * h }, () =>
    kind === 0 ? rng.uniform(0, 255) : kind === 2 ? (rng() < 0.5 ? rng.uniform(0, 30) : rng.uniform(225, 255)) : mean + sd * rng.normal());
  if (kind === 3) data = boxBlur(data, w, h, rng.int(1, 4));
  return { width: w, height: h, data: data.map(clamp255) };
}

/** Gratings, checkerboards, rings, or smooth 1/f "clouds". */
export function textureImage(w: number, h: number, rng: Rng): GrayImage {
  const kind = rng.int(0, 3);
  const f = rng.uniform(0.04, 0.4), a = rng.uniform(0, Math.PI), lo = rng.uniform(0, 100), hi = rng.uniform(130, 255);
  if (kind === 3) return cloudImage(w, h, rng);
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = kind === 0 ? Math.sin(f * (x * Math.cos(a) + y * Math.sin(a)) * 2 * Math.PI)
        : kind === 1 ? (Math.floor(x * f) + Math.floor(y * f)) % 2 ? 1 : -1
        : Math.sin(f * Math.hypot(x - w / 2, y - h / 2) * 2 * Math.PI);
      data[y * w + x] = clamp255(lo + ((t + 1) / 2) * (hi - lo) + 4 * rng.normal());
    }
  }
  return { width: w, height: h, data };
}

/** Ellipses, rectangles and bars of random grey levels on a random background. */
export function shapesImage(w: number, h: number, rng: Rng, base?: GrayImage): GrayImage {
  const data = base ? base.data.slice() : new Float32Array(w * h).fill(rng.uniform(0, 120));
  const n = rng.int(1, 9);
  for (let k = 0; k < n; k++) {
    const cx = rng.uniform(0, w), cy = rng.uniform(0, h), rx = rng.uniform(3, w / 2.5), ry = rng.uniform(3, h / 2.5);
    const kind = rng.int(0, 2), level = rng.uniform(0, 255), ang = rng.uniform(0, Math.PI), c = Math.cos(ang), s = Math.sin(ang);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const u = (x - cx) * c + (y - cy) * s, v = -(x - cx) * s + (y - cy) * c;
        const inside = kind === 0 ? (u / rx) ** 2 + (v / ry) ** 2 <= 1 : kind === 1 ? Math.abs(u) <= rx && Math.abs(v) <= ry : Math.abs(u) <= rx && Math.abs(v) <= 2;
        if (inside) data[y * w + x] = level;
      }
    }
  }
  return { width: w, height: h, data: data.map((v) => clamp255(v + 3 * rng.normal())) };
}

/** A stand-in for a photograph (no real photos here): 1/f clouds, a lighting gradient, shapes and a vignette. */
export function photoLikeImage(w: number, h: number, rng: Rng): GrayImage {
  const clouds = cloudImage(w, h, rng);
  const gx = rng.uniform(-1, 1), gy = rng.uniform(-1, 1);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const r = Math.hypot(x / w - 0.5, y / h - 0.5);
    clouds.data[y * w + x] = clamp255((clouds.data[y * w + x] + 60 * (gx * x / w + gy * y / h)) * (1 - 0.6 * r * r));
  }
  return shapesImage(w, h, rng, clouds);
}

function cloudImage(w: number, h: number, rng: Rng): GrayImage {
  // Sum of smoothed noise octaves: amplitude ∝ scale gives a roughly 1/f spectrum.
  const out = new Float32Array(w * h);
  for (let r = 16; r >= 1; r >>= 1) {
    const layer = boxBlur(Float32Array.from({ length: w * h }, () => rng.normal()), w, h, r);
    for (let i = 0; i < out.length; i++) out[i] += layer[i] * r;
  }
  let lo = Infinity, hi = -Infinity;
  for (const v of out) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const a = rng.uniform(0, 80), b = rng.uniform(150, 255);
  return { width: w, height: h, data: out.map((v) => a + ((v - lo) / (hi - lo || 1)) * (b - a)) };
}

/** Separable box blur of radius r (running sums; edges average what is inside). */
function boxBlur(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  blur1d(src, tmp, w, h, 1, w, r);
  blur1d(tmp, out, h, w, w, 1, r);
  return out;
}

/** Blurs `lines` lines of `len` samples; consecutive samples `step` apart, lines `stride` apart. */
function blur1d(src: Float32Array, dst: Float32Array, len: number, lines: number, step: number, stride: number, r: number): void {
  const prefix = new Float64Array(len + 1);
  for (let l = 0; l < lines; l++) {
    const o = l * stride;
    for (let i = 0; i < len; i++) prefix[i + 1] = prefix[i] + src[o + i * step];
    for (let i = 0; i < len; i++) {
      const a = Math.max(0, i - r), b = Math.min(len, i + r + 1);
      dst[o + i * step] = (prefix[b] - prefix[a]) / (b - a);
    }
  }
}


/** Rotated by 45–180° either way: beyond what positioning explains. */
export function rotatedHand(hand: GrayImage, rng: Rng): GrayImage {
  const deg = rng.uniform(45, 180) * (rng() < 0.5 ? -1 : 1);
  return rotate(hand, deg, darkLevel(hand)); // corners filled with the background
}

/** Two hands side by side, each squashed to half the width: a bilateral exam (left + right) or two lefts. */
export function twoHands(a: GrayImage, b: GrayImage, rng: Rng): GrayImage {
  const w = a.width, h = a.height;
  const half = Math.floor(w / 2);
  const left = resampleNearest(rng() < 0.5 ? flipHorizontal(a) : a, half, h);
  const right = resampleNearest(b, w - half, h);
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < half; x++) data[y * w + x] = left.data[y * half + x];
    for (let x = half; x < w; x++) data[y * w + x] = right.data[y * (w - half) + x - half];
  }
  return { width: w, height: h, data };
}

/** Underexposed: the brightest 1% brought down to 4–9% of full scale (darker still is blank). */
export function tooDark(hand: GrayImage, rng: Rng): GrayImage {
  const g = (rng.uniform(0.04, 0.09) * 255) / Math.max(1, darkLevel(hand, 0.99));
  return { ...hand, data: hand.data.map((v) => Math.round(v * g)) };
}

/** Burnt out: washed out towards white, or clipped by too much gain. */
export function burntOut(hand: GrayImage, rng: Rng): GrayImage {
  if (rng() < 0.5) {
    const g = rng.uniform(0.05, 0.25); // even black ends up at ≥ 75% of full scale
    return { ...hand, data: hand.data.map((v) => clamp255(255 - (255 - v) * g)) };
  }
  const knee = darkLevel(hand, rng.uniform(0.1, 0.4)); // ≥ 60% of pixels end up white
  return { ...hand, data: hand.data.map((v) => clamp255((v * 255) / Math.max(1, knee))) };
}

/** One negative of a kind; `hand` and `other` are 0–255 hand images (needed by the hand-based kinds). */
export function makeNegative(kind: NegativeKind, w: number, h: number, rng: Rng, hand: GrayImage, other: GrayImage): GrayImage {
  switch (kind) {
    case 'blank': return blankImage(w, h, rng);
    case 'noise': return noiseImage(w, h, rng);
    case 'texture': return textureImage(w, h, rng);
    case 'shapes': return shapesImage(w, h, rng);
    case 'photo-like': return photoLikeImage(w, h, rng);
    case 'mirrored': return flipHorizontal(hand);
    case 'rotated': return rotatedHand(hand, rng);
    case 'inverted': return { ...hand, data: hand.data.map((v) => 255 - v) };
    case 'too-dark': return tooDark(hand, rng);
    case 'burnt-out': return burntOut(hand, rng);
    case 'two-hands': return twoHands(hand, other, rng);
  }
}

