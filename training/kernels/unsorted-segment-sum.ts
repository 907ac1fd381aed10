import * as tf from '@tensorflow/tfjs-core';

interface HeapBackend extends tf.KernelBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}

/**
 * Linear-time UnsortedSegmentSum for the wasm backend (which has none; the cpu one is quadratic).
 * Needed by the gather gradient, i.e. by the spatial transformer's sampler. Works on the wasm heap.
 */
export const unsortedSegmentSumWasm: tf.KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
    const b = backend as HeapBackend;
    const rows = segmentIds.shape.reduce((a, d) => a * d, 1);
    const inner = x.shape.slice(segmentIds.shape.length).reduce((a, d) => a * d, 1);
    const out = b.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
    const o = b.typedArrayFromHeap(out);
    o.fill(0);
    const xs = b.typedArrayFromHeap(x);
    const ids = b.typedArrayFromHeap(segmentIds);
    for (let r = 0; r < rows; r++) {
      const s = ids[r];
      if (s < 0 || s >= numSegments) continue; // TF drops out-of-range ids
      const src = r * inner;
      const dst = s * inner;
      for (let j = 0; j < inner; j++) o[dst + j] += xs[src + j];
    }
    return out;
  },
};
