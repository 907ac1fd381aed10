import * as tf from '@tensorflow/tfjs-core';
import { runKernel } from './run-kernel';

/**
 * Conv2DBackpropFilter for backends that have a fast forward Conv2D but no filter gradient (wasm).
 * dW[kh,kw,ci,co] = Σ_{b,y,x} Xpad[b, y·s+kh, x·s+kw, ci] · dY[b,y,x,co], which is a forward conv of
 * Xpad transposed to [ci, H, W, b] with dY transposed to a [Ho, Wo, b, co] filter at dilation s.
 */
export function conv2dBackpropFilterViaForward(backendName: string): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName,
    kernelFunc: ({ inputs, backend: b, attrs }) => {
      const backend = b as tf.KernelBackend;
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      if (dataFormat && dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter: only NHWC is supported.');
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number], filterShape as [number, number, number, number],
        strides, 1, pad, dimRoundingMode, false, 'channelsLast');
      const { top, bottom, left, right } = info.padInfo;
      const [kh, kw, ci, co] = filterShape;
      const k = (name: string, ins: tf.NamedTensorInfoMap, at: tf.NamedAttrMap) => runKernel(name, backendName, backend, ins, at);
      const dispose = (...t: tf.TensorInfo[]) => t.forEach((ti) => backend.disposeData(ti.dataId));

      const xp = top || bottom || left || right
        ? k(tf.PadV2, { x }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 })
        : x;
      const xt = k(tf.Transpose, { x: xp }, { perm: [3, 1, 2, 0] });
      if (xp !== x) dispose(xp);
      const dyt = k(tf.Transpose, { x: dy }, { perm: [1, 2, 0, 3] });
      const conv = k(tf.Conv2D, { x: xt, filter: dyt }, {
        strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [info.strideHeight, info.strideWidth], dimRoundingMode: undefined as unknown as string,
      });
      dispose(xt, dyt);
      let sliced = conv;
      if (conv.shape[1] !== kh || conv.shape[2] !== kw) {
        sliced = k(tf.Slice, { x: conv }, { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] });
        dispose(conv);
      }
      const out = k(tf.Transpose, { x: sliced }, { perm: [1, 2, 0, 3] });
      dispose(sliced);
      return out;
    },
  };
}
