import * as tf from '@tensorflow/tfjs-core';
import { type HeapBackend, runKernel } from './run-kernel';

/** [B,H,W,C] → [B,(H−1)·sh+1,(W−1)·sw+1,C] with zeros between the samples (wasm heap, one pass). */
function dilateZeros(backend: HeapBackend, x: tf.TensorInfo, sh: number, sw: number): tf.TensorInfo {
  const [b, h, w, c] = x.shape;
  const hd = (h - 1) * sh + 1;
  const wd = (w - 1) * sw + 1;
  const out = backend.makeOutput([b, hd, wd, c], 'float32');
  const o = backend.typedArrayFromHeap(out);
  o.fill(0);
  const src = backend.typedArrayFromHeap(x);
  for (let n = 0; n < b; n++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        const s = ((n * h + i) * w + j) * c;
        o.set(src.subarray(s, s + c), ((n * hd + i * sh) * wd + j * sw) * c);
      }
  return out;
}

/** [kh,kw,ci,co] → [kh,kw,co,ci] flipped in both spatial axes, in one pass (wasm's Reverse kernel
 *  took longer than the convolution it feeds, on 3×3×128×128). */
function flipSwapFilter(backend: HeapBackend, f: tf.TensorInfo): tf.TensorInfo {
  const [kh, kw, ci, co] = f.shape;
  const out = backend.makeOutput([kh, kw, co, ci], 'float32');
  const o = backend.typedArrayFromHeap(out);
  const src = backend.typedArrayFromHeap(f);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++) {
      const s0 = (i * kw + j) * ci * co;
      const d0 = ((kh - 1 - i) * kw + (kw - 1 - j)) * co * ci;
      for (let a = 0; a < ci; a++)
        for (let z = 0; z < co; z++) o[d0 + z * ci + a] = src[s0 + a * co + z];
    }
  return out;
}

/**
 * Conv2DBackpropInput as a forward conv: dX = conv(pad(dY), W flipped in space with
 * in/out channels swapped). wasm's own kernel is a naive loop (~10× slower than its XNNPACK forward
 * conv); it remains the fallback for layouts this does not cover.
 */
export function conv2dBackpropInputViaForward(backendName: string, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName,
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const backend = args.backend as tf.KernelBackend;
      const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        inputShape as [number, number, number, number], filter.shape as [number, number, number, number],
        strides, 1, pad, dimRoundingMode, false, 'channelsLast');
      // Few input channels make dX a matrix–vector product, where XNNPACK loses to the stock loop.
      if ((dataFormat && dataFormat !== 'NHWC') || filter.shape[2] < 8) return fallback(args);
      const [kh, kw] = filter.shape;
      const [, h, w] = inputShape;
      const k = (name: string, ins: tf.NamedTensorInfoMap, at: tf.NamedAttrMap) => runKernel(name, backendName, backend, ins, at);
      const dispose = (...t: tf.TensorInfo[]) => t.forEach((ti) => backend.disposeData(ti.dataId));
      // A strided conv's input gradient is the stride-1 one on dY with (stride − 1) zeros between samples.
      const dyd = info.strideHeight > 1 || info.strideWidth > 1 ? dilateZeros(backend as HeapBackend, dy, info.strideHeight, info.strideWidth) : dy;
      const [, ho, wo] = dyd.shape;
      const pt = kh - 1 - info.padInfo.top;
      const pl = kw - 1 - info.padInfo.left;
      const pb = h + kh - 1 - ho - pt;
      const pr = w + kw - 1 - wo - pl;
      if (pt < 0 || pl < 0 || pb < 0 || pr < 0) {
        if (dyd !== dy) dispose(dyd);
        return fallback(args);
      }
      const wt = flipSwapFilter(backend as HeapBackend, filter);
      const dyp = pt || pb || pl || pr ? k(tf.PadV2, { x: dyd }, { paddings: [[0, 0], [pt, pb], [pl, pr], [0, 0]], constantValue: 0 }) : dyd;
      const out = k(tf.Conv2D, { x: dyp, filter: wt }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined as unknown as string });
      if (dyp !== dyd) dispose(dyp);
      if (dyd !== dy) dispose(dyd);
      dispose(wt);
      return out;
    },
  };
}
