import { decodeBoxes } from '../../core/localiser/decode';
import type { TwLocaliser } from '../../core/localiser/localiser-model';
import type { LocaliserFigures, SlotBox } from '../../core/localiser/types';
import { zscore } from '../../core/pipeline/normalise';
import type { LocaliserCase } from './dataset';
import { localiserFigures } from './metrics';

/** Predicts each case's boxes in its annotation frame (the original radiograph's pixels) and scores them. */
export async function evaluateCases(model: TwLocaliser, cases: LocaliserCase[]): Promise<{ figures: LocaliserFigures; hands: Array<{ id: string; pred: SlotBox[]; gt: SlotBox[] }> }> {
  const raws = await model.rawOutputs(cases.map((c) => zscore(c.raw)));
  const hands = cases.map((c, i) => ({ id: c.id, pred: decodeBoxes(raws[i], c.hand.width, c.hand.height, model.card.slots), gt: c.hand.boxes as SlotBox[] }));
  return { figures: localiserFigures(hands), hands };
}
