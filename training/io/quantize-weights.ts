import type * as tf from '@tensorflow/tfjs-core';

/** Weight quantisation as TensorFlow.js's own loader undoes it (tf.io.decodeWeights): every float32
 *  weight stored as float16, or as uint8 with a per-tensor affine map value = q · scale + min. The
 *  manifest's `quantization` entry says which; the page's loader needs no change. */
export type WeightQuantization = 'float16' | 'uint8';

export const WEIGHT_QUANTIZATIONS: readonly WeightQuantization[] = ['float16', 'uint8'];

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 half-precision bits of `v`, rounded to nearest, ties to even; overflow → ±Infinity. */
export function float16Bits(v: number): number {
  f32[0] = v;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Infinity, NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Half-precision subnormal (or zero): h · 2^-24.
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++; // a carry rolls into the exponent, as it should
  return sign | half;
}

/** uint8 affine parameters for values in [lo, hi], nudged so that 0 is represented exactly (zero
 *  padding and ReLU zeros stay zero), as the TensorFlow.js converter does. */
export function uint8Affine(lo: number, hi: number): { scale: number; min: number } {
  const a = Math.min(lo, 0), b = Math.max(hi, 0);
  if (b - a === 0) return { scale: 1, min: 0 };
  const scale = (b - a) / 255;
  const zero = Math.round(-a / scale);
  return { scale, min: -zero * scale };
}

/** The weight data of `specs` (tfjs order, float32 unless a spec says otherwise) re-encoded with
 *  `kind`; weights that are not plain float32 are copied unchanged. */
export function quantizeWeightData(
  specs: tf.io.WeightsManifestEntry[],
  data: ArrayBuffer,
  kind: WeightQuantization,
): { specs: tf.io.WeightsManifestEntry[]; data: Uint8Array } {
  const parts: Uint8Array[] = [];
  const outSpecs: tf.io.WeightsManifestEntry[] = [];
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.quantization || (spec.dtype !== undefined && spec.dtype !== 'float32')) {
      if (spec.quantization || spec.dtype === 'string') throw new Error(`quantizeWeightData: weight ${spec.name} is already quantised or not numeric.`);
      parts.push(new Uint8Array(data.slice(offset, offset + size * 4)));
      outSpecs.push(spec);
      offset += size * 4;
      continue;
    }
    const values = new Float32Array(data.slice(offset, offset + size * 4));
    offset += size * 4;
    if (kind === 'float16') {
      const half = Uint16Array.from(values, float16Bits);
      parts.push(new Uint8Array(half.buffer));
      outSpecs.push({ ...spec, quantization: { dtype: 'float16' } });
    } else {
      let lo = Infinity, hi = -Infinity;
      for (const v of values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const { scale, min } = uint8Affine(lo, hi);
      parts.push(Uint8Array.from(values, (v) => Math.max(0, Math.min(255, Math.round((v - min) / scale)))));
      outSpecs.push({ ...spec, quantization: { dtype: 'uint8', scale, min } });
    }
  }
  if (offset !== data.byteLength) throw new Error(`quantizeWeightData: the weight data has ${data.byteLength} bytes, the manifest describes ${offset}.`);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return { specs: outSpecs, data: out };
}
