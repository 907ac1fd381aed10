import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { resampleNearest } from '../pipeline/resample-nearest';
import type { DecodedImage, GrayImage } from '../pipeline/types';
import { classifierFlag, namedProbabilities } from './decide';
import { exposureFlags, exposureStats, fullScaleOf } from './exposure';
import { QC_SIDE, qcPlane } from './qc-input';
import type { QcReport } from './types';

/** The parts of the QC model card that inference needs. */
export interface QcCard {
  name: string;
  version: string;
  classes: string[];
  input: { width: number; height: number };
  /** Flag when P(ok) is below this. */
  okThreshold: number;
}

/** The QC classifier (logits over QC_CLASSES) with its card. */
export class QcModel {
  constructor(
    readonly net: tfl.LayersModel,
    readonly card: QcCard,
  ) {
    if (card.input.width !== QC_SIDE || card.input.height !== QC_SIDE) throw new Error(`The QC model expects ${QC_SIDE}×${QC_SIDE} planes.`);
  }

  /** QC planes → class probabilities, one Float32Array per plane. */
  async probabilities(planes: GrayImage[]): Promise<Float32Array[]> {
    const n = planes.length, s = QC_SIDE * QC_SIDE;
    const batch = new Float32Array(n * s);
    planes.forEach((p, i) => batch.set(p.data, i * s));
    const probs = tf.tidy(() => tf.softmax(this.net.predict(tf.tensor4d(batch, [n, QC_SIDE, QC_SIDE, 1])) as tf.Tensor2D));
    const values = (await probs.data()) as Float32Array;
    probs.dispose();
    const k = this.card.classes.length;
    return planes.map((_, i) => values.slice(i * k, (i + 1) * k));
  }

  /** The full check of one decoded image: intensity rules, then the classifier. */
  async assess(img: DecodedImage): Promise<QcReport> {
    // The histogram of a nearest-neighbour sample (≤ 256 px a side) is as good and keeps a 5-megapixel
    // radiograph from holding up the page's main thread.
    const sample = resampleNearest(img, Math.min(img.width, 256), Math.min(img.height, 256));
    const exposure = exposureFlags(exposureStats(sample, fullScaleOf(img)));
    if (exposure.some((f) => f.code === 'not-hand')) return { ok: false, flags: exposure, probabilities: null };
    const [p] = await this.probabilities([qcPlane(img)]);
    return combine(exposure, p, this.card.okThreshold);
  }

  dispose(): void {
    this.net.dispose();
  }
}

/** Rule flags plus the classifier's flag → the report. */
export function combine(exposure: QcReport['flags'], probabilities: Float32Array, okThreshold: number): QcReport {
  const flag = classifierFlag(probabilities, okThreshold);
  const flags = flag ? [...exposure, flag] : exposure;
  return { ok: flags.length === 0, flags, probabilities: namedProbabilities(probabilities) };
}
