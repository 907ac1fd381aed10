import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { preprocess } from '../pipeline/preprocess';
import type { GrayImage, SampledImage } from '../pipeline/types';
import { averageEstimates, TTA_SHIFT_SETS } from '../uncertainty/tta-estimate';
import { shiftedPlanes } from '../uncertainty/tta';
import { cellWeightsFromLogits, mapMean, rawToMonths, readingForSex, splitChannels } from './age-map';
import { cardForReading, effectiveReading, type ReadingMode } from './reading-mode';
import type { Estimate, ModelCard, ModelSex } from './types';

/** A loaded age model and its card: the one inference path for the page and the evaluate command. */
export class BoneAgeModel {
  constructor(
    readonly net: tfl.LayersModel,
    readonly card: ModelCard,
  ) {
    const tta = card.output.tta;
    if (tta !== undefined && !Object.hasOwn(TTA_SHIFT_SETS, tta)) {
      throw new Error(`The model card asks for test-time augmentation "${tta}", which this version does not know (${Object.keys(TTA_SHIFT_SETS).join(', ')}).`);
    }
    // A careful reading with a TTA this version does not know is simply not offered (offersCarefulReading):
    // the model's own reading still works.
  }

  private careful: BoneAgeModel | null = null;

  /** The model as a reading mode reads it (core/model/reading-mode.ts): itself for 'standard' or on a card
   *  without a careful reading, else the same network under the careful reading's card (shared: dispose the base model only). */
  forReading(mode: ReadingMode): BoneAgeModel {
    if (effectiveReading(this.card, mode) === 'standard') return this;
    this.careful ??= new BoneAgeModel(this.net, cardForReading(this.card, 'careful'));
    return this.careful;
  }

  /** True when the model has one output channel per sex and so wants the child's sex. */
  get readsSex(): boolean {
    return this.card.output.bySex === true;
  }

  /** Any-size grayscale image → bone age and regional map, through the card's input specification. */
  async estimate(img: SampledImage, sex: ModelSex = null): Promise<Estimate> {
    return this.estimatePlane(preprocess(img, this.card.input), sex);
  }

  /** One preprocessed plane → the estimate the card's figures describe: with the card's test-time
   *  augmentation (output.tta) the mean over the shifted copies, read in one batch. */
  async estimatePlane(plane: GrayImage, sex: ModelSex = null): Promise<Estimate> {
    const tta = this.card.output.tta;
    if (!tta) return (await this.estimatePlanes([plane], [sex]))[0];
    const planes = shiftedPlanes(plane, TTA_SHIFT_SETS[tta]);
    return averageEstimates(await this.estimatePlanes(planes, planes.map(() => sex)));
  }

  /** Already-preprocessed planes (all the card's input size) → one pass each (no test-time augmentation), batched. `sexes[i]` picks
   *  plane i's channel on a model with sex channels (null or missing: the mean of both). */
  async estimatePlanes(planes: GrayImage[], sexes: ModelSex[] = []): Promise<Estimate[]> {
    const { width, height } = this.card.input;
    const batch = new Float32Array(planes.length * width * height);
    planes.forEach((p, i) => batch.set(p.data, i * width * height));
    const raw = tf.tidy(() => this.net.predict(tf.tensor4d(batch, [planes.length, height, width, 1])) as tf.Tensor4D);
    const [, rows, cols, channels] = raw.shape;
    const values = (await raw.data()) as Float32Array;
    raw.dispose();
    const per = rows * cols * channels;
    // On a 'weighted' model the last channel holds the cells' confidence logits, not ages.
    const weighted = this.card.output.reduce === 'weighted';
    const ageChannels = weighted ? channels - 1 : channels;
    return planes.map((_, i) => {
      const split = splitChannels(values.subarray(i * per, (i + 1) * per), channels);
      const weights = weighted ? { weights: cellWeightsFromLogits(split[ageChannels]) } : {};
      const maps = split.slice(0, ageChannels).map((m) => ({ rows, cols, months: rawToMonths(m, this.card.output), ...weights }));
      if (!this.readsSex || ageChannels !== 2) return { boneAgeMonths: mapMean(maps[0]), map: maps[0], sexUsed: 'none' };
      const bySex = {
        male: { boneAgeMonths: mapMean(maps[0]), map: maps[0] },
        female: { boneAgeMonths: mapMean(maps[1]), map: maps[1] },
      };
      return readingForSex({ boneAgeMonths: NaN, map: maps[0], sexUsed: 'none', bySex }, sexes[i] ?? null);
    });
  }

  dispose(): void {
    this.net.dispose();
  }
}
