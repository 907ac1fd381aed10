import * as tf from '@tensorflow/tfjs-core';

type Pad4 = [[number, number], [number, number], [number, number], [number, number]];

/**
 * The transpose (adjoint) of a conv2d with given kernel, strides and padding: maps the conv's output
 * space back to its input space. Stride 1 runs as a forward conv with the kernel flipped in space and
 * in/out channels swapped, padded as the mirror of the forward padding — a kernel every backend runs
 * fast (wasm's own Conv2DBackpropInput is a naive loop, ~10× slower). Other strides use conv2dTranspose.
 */
export class TransposedConv {
  private readonly flipped: tf.Tensor4D | null;
  private readonly pad: Pad4 | null;

  constructor(
    private readonly kernel: tf.Tensor4D,
    private readonly strides: [number, number],
    private readonly padding: 'same' | 'valid',
  ) {
    if (strides[0] !== 1 || strides[1] !== 1) {
      this.flipped = null;
      this.pad = null;
      return;
    }
    const [kh, kw] = kernel.shape;
    // tf's 'same' puts the odd pixel of padding at the bottom/right; the adjoint pads the mirror image.
    const top = padding === 'same' ? Math.floor((kh - 1) / 2) : 0;
    const left = padding === 'same' ? Math.floor((kw - 1) / 2) : 0;
    const bottom = padding === 'same' ? kh - 1 - top : 0;
    const right = padding === 'same' ? kw - 1 - left : 0;
    this.flipped = tf.tidy(() => tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D);
    this.pad = [[0, 0], [kh - 1 - top, kh - 1 - bottom], [kw - 1 - left, kw - 1 - right], [0, 0]];
  }

  /** [n, h', w', out] → [n, ...inShape]: `inShape` is the forward conv's input [h, w, in]. */
  apply(signal: tf.Tensor4D, inShape: [number, number, number]): tf.Tensor4D {
    if (this.flipped && this.pad) return tf.conv2d(signal, this.flipped, 1, this.pad);
    return tf.conv2dTranspose(signal, this.kernel, [signal.shape[0], ...inShape], this.strides, this.padding);
  }

  /** Frees the flipped kernel (the forward kernel belongs to the caller). */
  dispose(): void {
    this.flipped?.dispose();
  }
}
