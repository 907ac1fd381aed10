import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { preprocess } from '../pipeline/preprocess';
import type { GrayImage } from '../pipeline/types';
import { mapMean, rawToMonths } from './age-map';
import type { Estimate, ModelCard } from './types';

/** A loaded age model and its card: the one inference path for the page and the evaluate command. */
export class BoneAgeModel {
  constructor(
    readonly net: tfl.LayersModel,
    readonly card: ModelCard,
  ) {}

  /** Any-size grayscale image → bone age and regional map, through the card's input specification. */
  async estimate(img: GrayImage): Promise<Estimate> {
    const [e] = await this.estimatePlanes([preprocess(img, this.card.input)]);
    return e;
  }

  /** Already-preprocessed planes (all the card's input size) → estimates, batched. */
  async estimatePlanes(planes: GrayImage[]): Promise<Estimate[]> {
    const { width, height } = this.card.input;
    const batch = new Float32Array(planes.length * width * height);
    planes.forEach((p, i) => batch.set(p.data, i * width * height));
    const raw = tf.tidy(() => this.net.predict(tf.tensor4d(batch, [planes.length, height, width, 1])) as tf.Tensor4D);
    const [, rows, cols] = raw.shape;
    const values = (await raw.data()) as Float32Array;
    raw.dispose();
    const cells = rows * cols;
    return planes.map((_, i) => {
      const map = { rows, cols, months: rawToMonths(values.subarray(i * cells, (i + 1) * cells), this.card.output) };
      return { boneAgeMonths: mapMean(map), map };
    });
  }

  dispose(): void {
    this.net.dispose();
  }
}
