import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { preprocess } from '../pipeline/preprocess';
import type { SampledImage } from '../pipeline/types';
import { decodeBoxes } from './decode';
import type { LocaliserCard, SlotBox } from './types';

/** A loaded TW-region localiser and its card: the one inference path for the page and the CLI. */
export class TwLocaliser {
  constructor(
    readonly net: tfl.LayersModel,
    readonly card: LocaliserCard,
  ) {}

  /** Any-size grayscale image → its 17 boxes in that image's own pixel frame, through the card's input spec. */
  async locate(img: SampledImage): Promise<SlotBox[]> {
    const plane = preprocess(img, this.card.input);
    const [raw] = await this.rawOutputs([plane.data]);
    return decodeBoxes(raw, img.width, img.height, this.card.slots);
  }

  /** Already-preprocessed planes (the card's input size) → raw outputs, one Float32Array per plane. */
  async rawOutputs(planes: Float32Array[]): Promise<Float32Array[]> {
    const { width, height } = this.card.input;
    const batch = new Float32Array(planes.length * width * height);
    planes.forEach((p, i) => batch.set(p, i * width * height));
    const out = tf.tidy(() => this.net.predict(tf.tensor4d(batch, [planes.length, height, width, 1])) as tf.Tensor2D);
    const values = (await out.data()) as Float32Array;
    const per = out.shape[1];
    out.dispose();
    return planes.map((_, i) => values.slice(i * per, (i + 1) * per));
  }

  dispose(): void {
    this.net.dispose();
  }
}
