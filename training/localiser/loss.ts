import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { VALUES_PER_SLOT } from '../../core/localiser/constants';

/** Identity forward, zero gradient: the confidence target must not pull the boxes. */
const stopGradient = tf.customGrad(((x: tf.Tensor) => ({ value: x.clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) })) as never) as (x: tf.Tensor) => tf.Tensor;

/** IoU of [.., 4] boxes given as (cx, cy, w, h); any axis scaling leaves IoU unchanged, so fractions suffice. */
export function iouCxCyWh(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [ax, ay, aw, ah] = tf.unstack(a, -1);
    const [bx, by, bw, bh] = tf.unstack(b, -1);
    const [raw, rah, rbw, rbh] = [aw, ah, bw, bh].map((t) => tf.relu(t));
    const ix = tf.relu(tf.sub(tf.minimum(tf.add(ax, tf.div(raw, 2)), tf.add(bx, tf.div(rbw, 2))), tf.maximum(tf.sub(ax, tf.div(raw, 2)), tf.sub(bx, tf.div(rbw, 2)))));
    const iy = tf.relu(tf.sub(tf.minimum(tf.add(ay, tf.div(rah, 2)), tf.add(by, tf.div(rbh, 2))), tf.maximum(tf.sub(ay, tf.div(rah, 2)), tf.sub(by, tf.div(rbh, 2)))));
    const inter = tf.mul(ix, iy);
    const union = tf.sub(tf.add(tf.mul(raw, rah), tf.mul(rbw, rbh)), inter);
    return tf.div(inter, tf.maximum(union, 1e-9));
  });
}

/**
 * Box regression + confidence: Huber (δ = 0.01, i.e. 1 px on 100) on cx, cy, w, h in fractions of the frame,
 * scaled by 100 so it reads roughly as pixels; plus binary cross-entropy of each score logit against the IoU
 * its (gradient-stopped) box reaches, weighted `scoreWeight`.
 */
export function localiserLoss(net: tfl.LayersModel, x: tf.Tensor4D, targets: tf.Tensor3D, scoreWeight = 0.1): { loss: tf.Scalar; box: tf.Scalar; iou: tf.Scalar } {
  const out = net.apply(x, { training: true }) as tf.Tensor2D;
  const [b, slots] = [targets.shape[0], targets.shape[1]];
  const per = tf.reshape(out, [b, slots, VALUES_PER_SLOT]);
  const boxes = tf.slice(per, [0, 0, 0], [b, slots, 4]);
  const logits = tf.reshape(tf.slice(per, [0, 0, 4], [b, slots, 1]), [b, slots]);
  const box = tf.mul(tf.losses.huberLoss(targets, boxes, undefined, 0.01), 100) as tf.Scalar;
  const reached = stopGradient(iouCxCyWh(boxes, targets));
  const score = tf.losses.sigmoidCrossEntropy(reached, logits) as tf.Scalar;
  return { loss: tf.add(box, tf.mul(score, scoreWeight)) as tf.Scalar, box: tf.keep(box), iou: tf.keep(tf.mean(reached)) as tf.Scalar };
}
