import * as tf from '@tensorflow/tfjs-core';

/** Runs another backend kernel directly from inside a kernel (no engine, no tape). The caller
 *  disposes intermediates with backend.disposeData — kernels must not leak into the engine. */
export function runKernel(name: string, backendName: string, backend: tf.KernelBackend, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap): tf.TensorInfo {
  const k = tf.getKernel(name, backendName);
  if (!k) throw new Error(`Kernel ${name} is not registered for ${backendName}.`);
  return k.kernelFunc({ inputs, attrs, backend }) as tf.TensorInfo;
}

/** The wasm backend's heap access (not in its public typings): an output buffer, and a Float32Array
 *  view of a tensor's bytes. Take views after the last makeOutput: growing the heap detaches them. */
export interface HeapBackend extends tf.KernelBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}
