import type { TwLocaliser } from '../../core/localiser/localiser-model';
import { decodeBoxes } from '../../core/localiser/decode';
import type { SlotBox } from '../../core/localiser/types';
import { preprocess } from '../../core/pipeline/preprocess';
import type { GrayImage } from '../../core/pipeline/types';
import type { QcModel } from '../../core/qc/qc-model';
import { qcPlane } from '../../core/qc/qc-input';
import { flipHorizontal } from '../../core/qc/transforms';

/** What the QC classifier and the localiser say about one image and about its mirror image. */
export interface SideObservation {
  /** QC class probabilities of the image as given, and of its left–right mirror. */
  probs: Float32Array;
  probsFlipped: Float32Array;
  /** Localiser boxes of the image as given, and of its mirror (each in its own frame). */
  boxes: SlotBox[];
  boxesFlipped: SlotBox[];
}

/** Runs both networks on a batch of images and their mirrors (batched: 4 network calls in all). */
export async function observeSides(qc: QcModel, localiser: TwLocaliser, images: GrayImage[]): Promise<SideObservation[]> {
  const flipped = images.map(flipHorizontal);
  const [p, pf] = [await qc.probabilities(images.map(qcPlane)), await qc.probabilities(flipped.map(qcPlane))];
  const locate = async (set: GrayImage[]) => (await localiser.rawOutputs(set.map((img) => preprocess(img, localiser.card.input).data)))
    .map((raw, i) => decodeBoxes(raw, set[i].width, set[i].height, localiser.card.slots));
  const [b, bf] = [await locate(images), await locate(flipped)];
  return images.map((_, i) => ({ probs: p[i], probsFlipped: pf[i], boxes: b[i], boxesFlipped: bf[i] }));
}
