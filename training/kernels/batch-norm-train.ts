import * as tf from '@tensorflow/tfjs-core';
import type { HeapBackend } from './run-kernel';

/** Training-mode BatchNorm over all axes but the last (NHWC), forward: inputs x, scale, offset;
 *  outputs [y, mean, variance] (the batch's, biased, as tf.moments gives them). */
export const BATCH_NORM_TRAIN = 'BoneAgeBatchNormTrain';
/** Its gradient: inputs dy, x, mean, variance, scale; outputs [dx, dscale, doffset]. */
export const BATCH_NORM_TRAIN_GRAD = 'BoneAgeBatchNormTrainGrad';

export interface BatchNormTrainAttrs {
  varianceEpsilon: number;
}

/**
 * Why: tfjs-layers trains a BatchNorm as tf.moments + tf.batchNorm, and backpropagates through both,
 * about 20 kernels of full-activation size per layer (Mean, Sub, Square, Mul, Sum, RealDiv…). On the
 * deep members' shape that was about a quarter of a wasm training step. These two kernels do the same
 * maths in two passes each over the wasm heap.
 */
export const batchNormTrainWasm: tf.KernelConfig = {
  kernelName: BATCH_NORM_TRAIN,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as HeapBackend;
    const { x, scale, offset } = inputs as { x: tf.TensorInfo; scale: tf.TensorInfo; offset: tf.TensorInfo };
    const eps = (attrs as unknown as BatchNormTrainAttrs).varianceEpsilon;
    const c = x.shape[x.shape.length - 1];
    const yInfo = backend.makeOutput(x.shape, 'float32');
    const meanInfo = backend.makeOutput([c], 'float32');
    const varInfo = backend.makeOutput([c], 'float32');
    const [xs, ys, gamma, beta] = [x, yInfo, scale, offset].map((t) => backend.typedArrayFromHeap(t) as Float32Array);
    const [meanOut, varOut] = [meanInfo, varInfo].map((t) => backend.typedArrayFromHeap(t) as Float32Array);
    const { mean, variance } = channelMoments(xs, c);
    const a = new Float32Array(c);
    for (let ch = 0; ch < c; ch++) {
      meanOut[ch] = mean[ch];
      varOut[ch] = variance[ch];
      a[ch] = gamma[ch] / Math.sqrt(variance[ch] + eps);
    }
    normalisePerChannel(xs, ys, meanOut, a, beta, c);
    return [yInfo, meanInfo, varInfo];
  },
};

/**
 * dx = γ·r·(dy − Σdy/N − (x−μ)·r²·Σdy(x−μ)/N), dγ = r·Σdy(x−μ), dβ = Σdy, with r = 1/√(σ²+ε):
 * the gradient through the batch statistics included, as tfjs computes it through tf.moments.
 */
export const batchNormTrainGradWasm: tf.KernelConfig = {
  kernelName: BATCH_NORM_TRAIN_GRAD,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as HeapBackend;
    const { dy, x, mean, variance, scale } = inputs as Record<'dy' | 'x' | 'mean' | 'variance' | 'scale', tf.TensorInfo>;
    const eps = (attrs as unknown as BatchNormTrainAttrs).varianceEpsilon;
    const c = x.shape[x.shape.length - 1];
    const dxInfo = backend.makeOutput(x.shape, 'float32');
    const dScaleInfo = backend.makeOutput([c], 'float32');
    const dOffsetInfo = backend.makeOutput([c], 'float32');
    const [g, xs, mu, v, gamma, dx, dScale, dOffset] = [dy, x, mean, variance, scale, dxInfo, dScaleInfo, dOffsetInfo]
      .map((t) => backend.typedArrayFromHeap(t) as Float32Array);
    const n = xs.length / c;
    const { sumDy, sumDyXmu } = gradientSums(g, xs, mu, c);
    // dx = a·dy − k·(x−μ) − e per channel (a = γr, k = a·r²·Σdy(x−μ)/N, e = a·Σdy/N).
    const a = new Float32Array(c);
    const k = new Float32Array(c);
    const e = new Float32Array(c);
    for (let ch = 0; ch < c; ch++) {
      const r = 1 / Math.sqrt(v[ch] + eps);
      a[ch] = gamma[ch] * r;
      k[ch] = a[ch] * r * r * (sumDyXmu[ch] / n);
      e[ch] = a[ch] * (sumDy[ch] / n);
      dScale[ch] = r * sumDyXmu[ch];
      dOffset[ch] = sumDy[ch];
    }
    dxPerChannel(g, xs, dx, mu, a, k, e, c);
    return [dxInfo, dScaleInfo, dOffsetInfo];
  },
};

// The loops below walk four rows (pixels) at a time so each per-channel coefficient or accumulator is
// loaded and stored once per four elements: 2.5–3× faster than one row at a time in V8
// (7.7 M elements, 24–192 channels; array destructuring inside these loops undoes it), the difference between these kernels paying or not.

/** Where the four-row loop stops: the rest, fewer than four rows, is done one row at a time. */
function fourRowsEnd(length: number, c: number): number {
  const rows = length / c;
  return (rows - (rows % 4)) * c;
}

/** Per-channel mean and biased variance of an [..., c] array, accumulated in float64 around each
 *  channel's first value (a shift keeps E[x²] − E[x]² from cancelling when |mean| ≫ σ). */
export function channelMoments(xs: Float32Array, c: number): { mean: Float64Array; variance: Float64Array } {
  const n = xs.length / c;
  const shift = Float64Array.from(xs.subarray(0, c));
  const s1 = new Float64Array(c);
  const s2 = new Float64Array(c);
  const c2 = 2 * c;
  const c3 = 3 * c;
  const end4 = fourRowsEnd(xs.length, c);
  let i = 0;
  for (; i < end4; i += 4 * c) {
    for (let ch = 0; ch < c; ch++) {
      const s = shift[ch];
      const j = i + ch;
      const t0 = xs[j] - s, t1 = xs[j + c] - s, t2 = xs[j + c2] - s, t3 = xs[j + c3] - s;
      s1[ch] += t0 + t1 + (t2 + t3);
      s2[ch] += t0 * t0 + t1 * t1 + (t2 * t2 + t3 * t3);
    }
  }
  for (; i < xs.length; i += c) {
    for (let ch = 0; ch < c; ch++) {
      const t = xs[i + ch] - shift[ch];
      s1[ch] += t;
      s2[ch] += t * t;
    }
  }
  const mean = new Float64Array(c);
  const variance = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) {
    const m = s1[ch] / n;
    mean[ch] = shift[ch] + m;
    variance[ch] = Math.max(0, s2[ch] / n - m * m);
  }
  return { mean, variance };
}

/** out = (x − μ)·a + β, per channel of an [..., c] array (x − μ first: no cancellation when |μ| ≫ σ). */
function normalisePerChannel(xs: Float32Array, out: Float32Array, mu: Float32Array, a: Float32Array, beta: Float32Array, c: number): void {
  const c2 = 2 * c;
  const c3 = 3 * c;
  const end4 = fourRowsEnd(xs.length, c);
  let i = 0;
  for (; i < end4; i += 4 * c) {
    for (let ch = 0; ch < c; ch++) {
      const m = mu[ch];
      const aa = a[ch];
      const bb = beta[ch];
      const j = i + ch;
      out[j] = (xs[j] - m) * aa + bb;
      out[j + c] = (xs[j + c] - m) * aa + bb;
      out[j + c2] = (xs[j + c2] - m) * aa + bb;
      out[j + c3] = (xs[j + c3] - m) * aa + bb;
    }
  }
  for (; i < xs.length; i += c) for (let ch = 0; ch < c; ch++) out[i + ch] = (xs[i + ch] - mu[ch]) * a[ch] + beta[ch];
}

/** Σdy and Σdy·(x − μ) per channel, in float64. */
function gradientSums(g: Float32Array, xs: Float32Array, mu: Float32Array, c: number): { sumDy: Float64Array; sumDyXmu: Float64Array } {
  const sumDy = new Float64Array(c);
  const sumDyXmu = new Float64Array(c);
  const c2 = 2 * c;
  const c3 = 3 * c;
  const end4 = fourRowsEnd(xs.length, c);
  let i = 0;
  for (; i < end4; i += 4 * c) {
    for (let ch = 0; ch < c; ch++) {
      const m = mu[ch];
      const j = i + ch;
      const g0 = g[j], g1 = g[j + c], g2 = g[j + c2], g3 = g[j + c3];
      sumDy[ch] += g0 + g1 + (g2 + g3);
      sumDyXmu[ch] += g0 * (xs[j] - m) + g1 * (xs[j + c] - m) + (g2 * (xs[j + c2] - m) + g3 * (xs[j + c3] - m));
    }
  }
  for (; i < xs.length; i += c) {
    for (let ch = 0; ch < c; ch++) {
      const gi = g[i + ch];
      sumDy[ch] += gi;
      sumDyXmu[ch] += gi * (xs[i + ch] - mu[ch]);
    }
  }
  return { sumDy, sumDyXmu };
}

/** dx = a·g − k·(x − μ) − e, per channel. */
function dxPerChannel(g: Float32Array, xs: Float32Array, dx: Float32Array, mu: Float32Array, a: Float32Array, k: Float32Array, e: Float32Array, c: number): void {
  const c2 = 2 * c;
  const c3 = 3 * c;
  const end4 = fourRowsEnd(xs.length, c);
  let i = 0;
  for (; i < end4; i += 4 * c) {
    for (let ch = 0; ch < c; ch++) {
      const m = mu[ch];
      const aa = a[ch];
      const kk = k[ch];
      const ee = e[ch];
      const j = i + ch;
      dx[j] = aa * g[j] - kk * (xs[j] - m) - ee;
      dx[j + c] = aa * g[j + c] - kk * (xs[j + c] - m) - ee;
      dx[j + c2] = aa * g[j + c2] - kk * (xs[j + c2] - m) - ee;
      dx[j + c3] = aa * g[j + c3] - kk * (xs[j + c3] - m) - ee;
    }
  }
  for (; i < xs.length; i += c) for (let ch = 0; ch < c; ch++) dx[i + ch] = a[ch] * g[i + ch] - k[ch] * (xs[i + ch] - mu[ch]) - e[ch];
}

/** The forward kernel's gradient: mean and variance are statistics for the moving averages and take
 *  no gradient of their own (their effect on y is inside the dx formula). */
export const batchNormTrainGradient: tf.GradConfig = {
  kernelName: BATCH_NORM_TRAIN,
  inputsToSave: ['x', 'scale'],
  outputsToSave: [false, true, true],
  gradFunc: (dys, saved, attrs) => {
    const dy = Array.isArray(dys) ? dys[0] : dys;
    const [x, scale, mean, variance] = saved;
    const [dx, dScale, dOffset] = tf.engine().runKernel(BATCH_NORM_TRAIN_GRAD, { dy, x, mean, variance, scale }, attrs) as tf.Tensor[];
    return { x: () => dx, scale: () => dScale, offset: () => dOffset };
  },
};

/** y, mean and variance of a training-mode BatchNorm over all axes but the last, through the fused
 *  kernels (the backend must have them registered: see hasFusedBatchNormTraining). */
export function batchNormTrain(x: tf.Tensor, scale: tf.Tensor1D, offset: tf.Tensor1D, varianceEpsilon: number): [tf.Tensor, tf.Tensor1D, tf.Tensor1D] {
  const attrs: BatchNormTrainAttrs = { varianceEpsilon };
  return tf.engine().runKernel(BATCH_NORM_TRAIN, { x, scale, offset }, attrs as unknown as tf.NamedAttrMap) as [tf.Tensor, tf.Tensor1D, tf.Tensor1D];
}

/** True when the current backend has the fused training BatchNorm kernels. */
export function hasFusedBatchNormTraining(): boolean {
  const name = tf.getBackend();
  return !!tf.getKernel(BATCH_NORM_TRAIN, name) && !!tf.getKernel(BATCH_NORM_TRAIN_GRAD, name);
}
