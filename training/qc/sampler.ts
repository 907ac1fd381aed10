import type { GrayImage } from '../../core/pipeline/types';
import { QC_CLASSES, type QcClass } from '../../core/qc/classes';
import { qcPlane } from '../../core/qc/qc-input';
import { augmentHand } from './augment-hand';
import { makeNegative, type NegativeKind } from './negatives';
import type { Rng } from './rng';
import { syntheticLeftHand } from './synthetic-hand';

/** Draws labelled QC training examples: real thumbnails (0–255, 100×100) and generated hands as
 *  positives, everything else generated from them or from nothing. */
export class QcSampler {
  private readonly synthetic: GrayImage[];
  constructor(
    private readonly real: Uint8Array[],
    private readonly rng: Rng,
    syntheticSeeds: number[],
    private readonly side = 100,
  ) {
    this.synthetic = syntheticSeeds.map((s) => syntheticLeftHand(side, side, s));
  }

  /** A positive: a real thumbnail 90% of the time, else a generated hand; lightly augmented. */
  hand(): GrayImage {
    const rng = this.rng;
    const src = rng() < 0.9 || this.synthetic.length === 0
      ? { width: this.side, height: this.side, data: Float32Array.from(rng.pick(this.real)) }
      : rng.pick(this.synthetic);
    return augmentHand(src, rng);
  }

  /** One example of a class, as a 0–255 image. */
  image(cls: QcClass): GrayImage {
    const s = this.side, rng = this.rng;
    const kind: NegativeKind | null =
      cls === 'ok' ? null
      : cls === 'not-hand' ? rng.pick(['blank', 'noise', 'texture', 'texture', 'shapes', 'shapes', 'photo-like', 'photo-like'] as const)
      : cls === 'multiple-hands' ? 'two-hands'
      : cls;
    return kind === null ? this.hand() : makeNegative(kind, s, s, rng, this.hand(), this.hand());
  }

  /** A batch: QC planes back to back and class indices, classes drawn with `weights`. */
  batch(n: number, weights: number[]): { x: Float32Array; y: Int32Array } {
    const total = weights.reduce((a, b) => a + b, 0);
    const x = new Float32Array(n * 2500), y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let r = this.rng() * total, c = 0;
      while (r >= weights[c] && c < weights.length - 1) r -= weights[c++];
      y[i] = c;
      x.set(qcPlane(this.image(QC_CLASSES[c])).data, i * 2500);
    }
    return { x, y };
  }
}
