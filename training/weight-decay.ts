import * as tf from '@tensorflow/tfjs-core';

/** The variables decoupled weight decay shrinks: convolution kernels only (not biases, nor BatchNorm's
 *  scale and shift, whose decay would fight the normalisation; the usual AdamW practice). */
export function decayedVariables(vars: readonly tf.Variable[]): tf.Variable[] {
  return vars.filter((v) => /(^|\/)kernel(_\d+)?$/.test(v.name));
}

/** Decoupled weight decay (Loshchilov & Hutter, AdamW): after the optimizer's step, w ← w·(1 − lr·wd).
 *  Applied outside the gradient, so Adam's per-weight scaling does not cancel it as it would an L2 term. */
export function applyWeightDecay(vars: readonly tf.Variable[], lr: number, wd: number): void {
  const keep = 1 - lr * wd;
  if (!(wd > 0) || keep === 1) return;
  tf.tidy(() => vars.forEach((v) => v.assign(tf.mul(v, keep))));
}
