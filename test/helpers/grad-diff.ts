import type * as tf from '@tensorflow/tfjs-core';

/** Largest |a − b| over all variables' gradients, each relative to the largest |a| of its variable
 *  (floor 1e-3): how far data-parallel gradients stray from the in-process reference. */
export function maxRelativeGradDiff(ref: tf.NamedTensorMap, got: tf.NamedTensorMap, vars: tf.Variable[]): number {
  let maxRel = 0;
  for (const v of vars) {
    const a = ref[v.name].dataSync() as Float32Array, b = got[v.name].dataSync() as Float32Array;
    const scale = a.reduce((m, u) => Math.max(m, Math.abs(u)), 1e-3);
    for (let i = 0; i < a.length; i++) maxRel = Math.max(maxRel, Math.abs(a[i] - b[i]) / scale);
  }
  return maxRel;
}
