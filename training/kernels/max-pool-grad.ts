import * as tf from '@tensorflow/tfjs-core';
import type { HeapBackend } from './run-kernel';

/**
 * MaxPoolGrad on the wasm heap in one pass: each output cell sends its dy to the first position of
 * its window holding the maximum (strictly greater wins, as in tfjs's cpu backend; windows with no
 * finite maximum send nothing). wasm's own kernel took ~13% of an R1 training step; this one scans
 * the input once.
 */
export const maxPoolGradWasm: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as HeapBackend;
    const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const { batchSize, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
    const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
    const { top, left } = info.padInfo;
    const out = backend.makeOutput(input.shape, 'float32');
    const dx = backend.typedArrayFromHeap(out) as Float32Array;
    const x = backend.typedArrayFromHeap(input) as Float32Array;
    const g = backend.typedArrayFromHeap(dy) as Float32Array;
    dx.fill(0);
    // Per channel, the best value and its index so far: the window is scanned position by position
    // with the channels innermost (contiguous in NHWC).
    const best = new Float32Array(c);
    const at = new Int32Array(c);
    for (let n = 0; n < batchSize; n++) {
      for (let oy = 0; oy < oh; oy++) {
        const y0 = Math.max(0, oy * sh - top);
        const y1 = Math.min(h, oy * sh - top + fh);
        for (let ox = 0; ox < ow; ox++) {
          const x0 = Math.max(0, ox * sw - left);
          const x1 = Math.min(w, ox * sw - left + fw);
          best.fill(Number.NEGATIVE_INFINITY);
          at.fill(-1);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const base = ((n * h + iy) * w + ix) * c;
              for (let ch = 0; ch < c; ch++) {
                const v = x[base + ch];
                if (v > best[ch]) {
                  best[ch] = v;
                  at[ch] = base + ch;
                }
              }
            }
          }
          const gBase = ((n * oh + oy) * ow + ox) * c;
          for (let ch = 0; ch < c; ch++) if (at[ch] >= 0) dx[at[ch]] += g[gBase + ch];
        }
      }
    }
    return out;
  },
};
