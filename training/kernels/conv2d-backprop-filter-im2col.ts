import * as tf from '@tensorflow/tfjs-core';
import { type HeapBackend, runKernel } from './run-kernel';

/** Largest patch matrix (floats) built; above it the composed kernel is used. Writing the matrix is
 *  memory-bound: on R1 (training/bench/filter-grad.ts, CPU ms, 2-core machine) im2col won on layers
 *  with 0.6–1.6 M-float matrices (9.0 vs 10.1, 17.4 vs 22.0, 12.9 vs 18.9) and lost at 6.5 M
 *  (53.3 vs 47.4). */
const MAX_PATCH_FLOATS = 4 * 1024 * 1024;

/**
 * Conv2DBackpropFilter as one matrix product on XNNPACK's GEMM path: dW[k, co] = Σ_m P[k, m] · dY[m, co],
 * with P the transposed im2col matrix of x (k = (kh, kw, ci), m = (b, y, x), zero where the window
 * leaves the padded input). The product runs as a 1×1 convolution of P, seen as a [1, 1, K, M] image,
 * with dY, seen as a [1, 1, M, co] filter; its [1, 1, K, co] output is dW's HWIO layout as is.
 * The conv-of-transposes formulation (conv2d-backprop-filter.ts, the fallback for large matrices)
 * feeds XNNPACK a kernel as large as the image with only `batch` input channels per tap, which ran
 * at about half the forward convolution's speed.
 */
export function conv2dBackpropFilterIm2col(fallback: tf.KernelFunc, maxPatchFloats = MAX_PATCH_FLOATS): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName: 'wasm',
    kernelFunc: (args) => {
      const backend = args.backend as HeapBackend;
      const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      const [kh, kw, ci, co] = filterShape;
      const b = x.shape[0];
      const [, ho, wo] = dy.shape;
      const m = b * ho * wo;
      const kk = kh * kw * ci;
      if ((dataFormat && dataFormat !== 'NHWC') || kk * m > maxPatchFloats) return fallback(args);
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number], filterShape as [number, number, number, number],
        strides, 1, pad, dimRoundingMode, false, 'channelsLast');
      const { strideHeight: sh, strideWidth: sw } = info;
      const { top, left } = info.padInfo;

      const k = (name: string, ins: tf.NamedTensorInfoMap, at: tf.NamedAttrMap) => runKernel(name, 'wasm', backend, ins, at);
      // x zero-padded and channels first, [ci, b, hp, wp] (wasm kernels, a small tensor): every row
      // of P is then gathered from contiguous runs of it, with no bounds checks.
      const padded = top || info.padInfo.bottom || left || info.padInfo.right
        ? k(tf.PadV2, { x }, { paddings: [[0, 0], [top, info.padInfo.bottom], [left, info.padInfo.right], [0, 0]], constantValue: 0 })
        : x;
      const xt = k(tf.Transpose, { x: padded }, { perm: [3, 0, 1, 2] });
      if (padded !== x) backend.disposeData(padded.dataId);
      const [, , hp, wp] = xt.shape;
      const patches = backend.makeOutput([1, 1, kk, m], 'float32');
      const p = backend.typedArrayFromHeap(patches) as Float32Array;
      const src = backend.typedArrayFromHeap(xt) as Float32Array;
      let o = 0;
      for (let i = 0; i < kh; i++)
        for (let j = 0; j < kw; j++)
          for (let a = 0; a < ci; a++)
            for (let n = 0; n < b; n++) {
              const plane = (a * b + n) * hp;
              for (let oy = 0; oy < ho; oy++) {
                let s0 = (plane + oy * sh + i) * wp + j;
                for (let ox = 0; ox < wo; ox++, s0 += sw) p[o++] = src[s0];
              }
            }
      backend.disposeData(xt.dataId);
      const filter = k(tf.Reshape, { x: dy }, { shape: [1, 1, m, co] });
      const prod = k(tf.Conv2D, { x: patches, filter }, {
        strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined as unknown as string,
      });
      backend.disposeData(patches.dataId);
      backend.disposeData(filter.dataId);
      const out = k(tf.Reshape, { x: prod }, { shape: [kh, kw, ci, co] });
      backend.disposeData(prod.dataId);
      return out;
    },
  };
}
