import type { GrayImage } from '../../core/pipeline/types';
import { makeRng } from './rng';

/**
 * A generated left-hand PA "radiograph" (as displayed: fingers up, thumb on the image's right):
 * forearm, carpals, metacarpals, three phalanges per finger and two for the thumb, as bright bone
 * capsules inside darker soft tissue on a dark background, with noise. Crude, but it has the layout
 * that matters to quality control (one hand, upright, thumb side, polarity). Values 0–255.
 */
export function syntheticLeftHand(width: number, height: number, seed: number): GrayImage {
  const rng = makeRng(seed * 7919 + 17);
  const bones: Capsule[] = [];
  const tissue: Capsule[] = [];
  const spread = rng.uniform(0.6, 1.4);
  const len = rng.uniform(0.85, 1.1);
  const gap = rng.uniform(0.008, 0.025); // growth plates: wider in the young

  // Forearm: ulna (little-finger side, image left) and radius (thumb side).
  bones.push(cap(0.4, 1.1, 0.42, 0.8, 0.028), cap(0.55, 1.1, 0.53, 0.79, 0.036));
  tissue.push(cap(0.47, 1.15, 0.47, 0.72, 0.14));
  // Carpals: a small cluster.
  for (let i = 0; i < 8; i++) {
    const u = 0.4 + 0.05 * (i % 4) + rng.uniform(-0.01, 0.01), v = 0.7 + 0.045 * Math.floor(i / 4) + rng.uniform(-0.01, 0.01);
    bones.push(cap(u, v, u + 0.005, v, 0.022));
  }
  // Palm.
  tissue.push(cap(0.38, 0.6, 0.58, 0.6, 0.14));
  // Four fingers, little finger (image left) to index; knuckles fanned.
  const fingerLen = [0.26, 0.33, 0.36, 0.32].map((l) => l * len);
  for (let f = 0; f < 4; f++) {
    const baseU = 0.34 + 0.085 * f, baseV = 0.67 - 0.01 * f;
    const knuckleU = 0.31 + 0.1 * f, knuckleV = 0.47 - (f === 0 ? -0.03 : 0.005 * f);
    const angle = ((f - 1.7) * 0.12 * spread) + rng.uniform(-0.04, 0.04);
    const [du, dv] = [Math.sin(angle), -Math.cos(angle)];
    bones.push(cap(baseU, baseV, knuckleU, knuckleV, 0.02));
    let u = knuckleU, v = knuckleV;
    const parts = [0.45, 0.32, 0.23];
    for (const p of parts) {
      const l = fingerLen[f] * p;
      const u2 = u + du * (gap + l), v2 = v + dv * (gap + l);
      bones.push(cap(u + du * gap, v + dv * gap, u2, v2, 0.016 - 0.003 * parts.indexOf(p)));
      [u, v] = [u2, v2];
    }
    tissue.push(cap(knuckleU, knuckleV, u + du * 0.01, v + dv * 0.01, 0.04));
  }
  // Thumb on the image's right, pointing up and out.
  const ta = rng.uniform(0.6, 1.0);
  const [tu, tv] = [Math.sin(ta), -Math.cos(ta)];
  let u = 0.6, v = 0.7;
  for (const l of [0.13, 0.1, 0.08]) {
    const u2 = u + tu * (gap + l * len), v2 = v + tv * (gap + l * len);
    bones.push(cap(u + tu * gap, v + tv * gap, u2, v2, 0.02));
    [u, v] = [u2, v2];
  }
  tissue.push(cap(0.56, 0.72, u, v, 0.05));

  // Pose: small rotation, scale and shift, as real positioning varies.
  const rot = rng.uniform(-0.2, 0.2), scale = rng.uniform(0.85, 1.05);
  const sh = [rng.uniform(-0.04, 0.04), rng.uniform(-0.03, 0.05)];
  const bg = rng.uniform(5, 45), soft = bg + rng.uniform(35, 80), bone = Math.min(250, soft + rng.uniform(60, 110));
  const noise = rng.uniform(2, 7);
  const data = new Float32Array(width * height);
  const c = Math.cos(rot), s = Math.sin(rot);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // pixel → hand coordinates (inverse pose)
      const px = (x + 0.5) / width - 0.5 - sh[0], py = (y + 0.5) / height - 0.5 - sh[1];
      const hu = (c * px + s * py) / scale + 0.5, hv = (-s * px + c * py) / scale + 0.5;
      let val = bg;
      if (inside(tissue, hu, hv)) val = soft;
      if (inside(bones, hu, hv)) val = bone;
      data[y * width + x] = Math.min(255, Math.max(0, val + noise * rng.normal()));
    }
  }
  return { width, height, data };
}

interface Capsule { u0: number; v0: number; u1: number; v1: number; r: number }

function cap(u0: number, v0: number, u1: number, v1: number, r: number): Capsule {
  return { u0, v0, u1, v1, r };
}

function inside(caps: Capsule[], u: number, v: number): boolean {
  for (const k of caps) {
    const du = k.u1 - k.u0, dv = k.v1 - k.v0;
    const t = Math.max(0, Math.min(1, ((u - k.u0) * du + (v - k.v0) * dv) / (du * du + dv * dv || 1)));
    const eu = u - (k.u0 + t * du), ev = v - (k.v0 + t * dv);
    if (eu * eu + ev * ev <= k.r * k.r) return true;
  }
  return false;
}
