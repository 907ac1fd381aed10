import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export interface SpatialTransformerArgs {
  /** Filters of the localisation network's conv layer. */
  locFilters?: number;
  /** Units of its hidden dense layer. */
  locHidden?: number;
  /** The localisation net sees the input resized to locSize × locSize, so it works for any input size. */
  locSize?: number;
  name?: string;
  trainable?: boolean;
}

/**
 * BoNet's deformation layer: a spatial transformer (Jaderberg et al. 2015). A small localisation CNN
 * predicts 6 affine parameters; the input is resampled bilinearly (zero outside) on the transformed grid.
 * Initialised to the identity so an untrained layer passes its input through.
 */
export class SpatialTransformer extends tfl.layers.Layer {
  static className = 'BoNetSpatialTransformer';
  private readonly locFilters: number;
  private readonly locHidden: number;
  private readonly locSize: number;
  private convK!: tfl.LayerVariable;
  private convB!: tfl.LayerVariable;
  private d1K!: tfl.LayerVariable;
  private d1B!: tfl.LayerVariable;
  private d2K!: tfl.LayerVariable;
  private d2B!: tfl.LayerVariable;

  constructor(args: SpatialTransformerArgs = {}) {
    super(args);
    this.locFilters = args.locFilters ?? 8;
    this.locHidden = args.locHidden ?? 32;
    this.locSize = args.locSize ?? 16;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const channels = shape[3] as number;
    const pooled = Math.floor(this.locSize / 2);
    const glorot = tfl.initializers.glorotUniform({ seed: 7 });
    this.convK = this.addWeight('loc_conv_kernel', [5, 5, channels, this.locFilters], 'float32', glorot);
    this.convB = this.addWeight('loc_conv_bias', [this.locFilters], 'float32', tfl.initializers.zeros());
    this.d1K = this.addWeight('loc_dense1_kernel', [pooled * pooled * this.locFilters, this.locHidden], 'float32', glorot);
    this.d1B = this.addWeight('loc_dense1_bias', [this.locHidden], 'float32', tfl.initializers.zeros());
    // Zero weights and an identity bias: the transform starts as the identity.
    this.d2K = this.addWeight('loc_dense2_kernel', [this.locHidden, 6], 'float32', tfl.initializers.zeros());
    this.d2B = this.addWeight('loc_dense2_bias', [6], 'float32', tfl.initializers.constant({ value: 0 }));
    this.built = true;
    // constant() cannot express a vector; set the identity explicitly.
    this.d2B.write(tf.tensor1d([1, 0, 0, 0, 1, 0]));
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  /** The 6 affine parameters per image, [B, 6]. Exposed for inspection and tests. */
  theta(x: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(() => {
      const small = tf.image.resizeBilinear(x, [this.locSize, this.locSize]);
      let h: tf.Tensor = tf.relu(tf.add(tf.conv2d(small, this.convK.read() as tf.Tensor4D, 1, 'same'), this.convB.read()));
      h = tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid');
      h = tf.reshape(h, [x.shape[0], -1]);
      h = tf.relu(tf.add(tf.matMul(h as tf.Tensor2D, this.d1K.read() as tf.Tensor2D), this.d1B.read()));
      return tf.add(tf.matMul(h as tf.Tensor2D, this.d2K.read() as tf.Tensor2D), this.d2B.read()) as tf.Tensor2D;
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      return affineSample(x, this.theta(x));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), locFilters: this.locFilters, locHidden: this.locHidden, locSize: this.locSize };
  }
}

/**
 * Bilinear sampling of x [B,H,W,C] on the grid theta·[x_t, y_t, 1] in normalised coordinates
 * (pixel centres at -1 + (2i+1)/W), zero outside the image. Differentiable in x and theta.
 */
export function affineSample(x: tf.Tensor4D, theta: tf.Tensor2D): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, h, w, c] = x.shape;
    const n = h * w;
    const gx = new Float32Array(3 * n);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const k = i * w + j;
        gx[k] = (2 * j + 1) / w - 1;
        gx[n + k] = (2 * i + 1) / h - 1;
        gx[2 * n + k] = 1;
      }
    }
    const src = tf.reshape(tf.matMul(tf.reshape(theta, [b * 2, 3]), tf.tensor2d(gx, [3, n])), [b, 2, n]);
    const [sx, sy] = tf.unstack(src, 1); // each [B, N]
    const px = tf.reshape(tf.sub(tf.mul(tf.add(sx, 1), w / 2), 0.5), [b * n]) as tf.Tensor1D;
    const py = tf.reshape(tf.sub(tf.mul(tf.add(sy, 1), h / 2), 0.5), [b * n]) as tf.Tensor1D;
    const out = bilinear(tf.reshape(x, [b * n, c]) as tf.Tensor2D, px, py, b, h, w);
    return tf.reshape(out, [b, h, w, c]) as tf.Tensor4D;
  });
}

interface Corner {
  idx: tf.Tensor1D; // flat row in [B·H·W]
  wx: tf.Tensor1D; // bilinear weight along x
  wy: tf.Tensor1D;
  inside: tf.Tensor1D; // 1 where the neighbour lies in the image
  sx: number; // ∂wx/∂px
  sy: number;
}

/** The four neighbours of each sampling point (px, py in pixel units), with their weights. */
function corners(px: tf.Tensor1D, py: tf.Tensor1D, b: number, h: number, w: number): Corner[] {
  const n = h * w;
  const x0 = tf.floor(px);
  const y0 = tf.floor(py);
  const fx = tf.sub(px, x0);
  const fy = tf.sub(py, y0);
  const base = tf.reshape(tf.tile(tf.reshape(tf.mul(tf.range(0, b, 1, 'int32'), tf.scalar(n, 'int32')), [b, 1]), [1, n]), [b * n]);
  return [[0, 0], [1, 0], [0, 1], [1, 1]].map(([dx, dy]) => {
    const xi = tf.add(x0, dx);
    const yi = tf.add(y0, dy);
    const inside = tf.cast(tf.logicalAnd(tf.logicalAnd(tf.greaterEqual(xi, 0), tf.lessEqual(xi, w - 1)), tf.logicalAnd(tf.greaterEqual(yi, 0), tf.lessEqual(yi, h - 1))), 'float32') as tf.Tensor1D;
    const xc = tf.cast(tf.clipByValue(xi, 0, w - 1), 'int32');
    const yc = tf.cast(tf.clipByValue(yi, 0, h - 1), 'int32');
    const idx = tf.add(tf.add(tf.mul(yc, tf.scalar(w, 'int32')), xc), base) as tf.Tensor1D;
    return {
      idx, inside,
      wx: (dx === 0 ? tf.sub(1, fx) : fx) as tf.Tensor1D,
      wy: (dy === 0 ? tf.sub(1, fy) : fy) as tf.Tensor1D,
      sx: dx === 0 ? -1 : 1,
      sy: dy === 0 ? -1 : 1,
    };
  });
}

/**
 * Bilinear gather with a hand-written gradient. Autodiff through gather would need the integer
 * neighbour indices on the tape (tfjs cannot carry int32 gradients through saved inputs), and this
 * way the input gradient is one segment-sum per corner.
 */
function bilinear(flat: tf.Tensor2D, px: tf.Tensor1D, py: tf.Tensor1D, b: number, h: number, w: number): tf.Tensor2D {
  const rows = flat.shape[0];
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [f, x, y, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([f, x, y]);
    const cs = corners(x as tf.Tensor1D, y as tf.Tensor1D, b, h, w);
    const value = tf.addN(cs.map((k) => tf.mul(tf.gather(f, k.idx), tf.expandDims(tf.mul(tf.mul(k.wx, k.wy), k.inside), 1))));
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const g = dy as tf.Tensor2D;
        const [sf, sxp, syp] = saved;
        const ks = corners(sxp as tf.Tensor1D, syp as tf.Tensor1D, b, h, w);
        const dFlat = tf.addN(ks.map((k) => tf.unsortedSegmentSum(tf.mul(g, tf.expandDims(tf.mul(tf.mul(k.wx, k.wy), k.inside), 1)), k.idx, rows)));
        const dots = ks.map((k) => tf.sum(tf.mul(g, tf.gather(sf, k.idx)), 1)); // Σ_c dy·v per point
        const dpx = tf.addN(ks.map((k, i) => tf.mul(tf.mul(tf.mul(k.wy, k.inside), dots[i]), k.sx)));
        const dpy = tf.addN(ks.map((k, i) => tf.mul(tf.mul(tf.mul(k.wx, k.inside), dots[i]), k.sy)));
        return [dFlat, dpx, dpy];
      },
    };
  });
  return op(flat, px, py) as tf.Tensor2D;
}

tf.serialization.registerClass(SpatialTransformer);
