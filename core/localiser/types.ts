import type { InputSpec } from '../pipeline/types';
import type { WeightFile } from '../model/types';

/** The region labels of the Koitka et al. (2018) annotations, spelt as in their XML files. */
export const ROI_LABELS = ['DIP', 'PIP', 'MCP', 'Radius', 'Ulna', 'Wrist'] as const;
export type RoiLabel = (typeof ROI_LABELS)[number];

/** An axis-aligned box in some pixel frame (x to the right, y down; x0 < x1, y0 < y1) and a confidence in [0, 1]. */
export interface RoiBox {
  label: RoiLabel;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  score: number;
}

/** One of the 17 boxes a hand has, in canonical order. `finger` counts from the thumb (1) to the little finger (5);
 *  the thumb has no DIP, and its interphalangeal joint is annotated as its "PIP". */
export interface RoiSlot {
  label: RoiLabel;
  finger: 1 | 2 | 3 | 4 | 5 | null;
  /** A short name: DIP2…DIP5, PIP1…PIP5, MCP1…MCP5, Radius, Ulna, Wrist. */
  name: string;
}

/** A box with its slot: what the localiser predicts and what canonical ground truth looks like. */
export interface SlotBox extends RoiBox {
  slot: RoiSlot;
}

export interface LocaliserConfig {
  /** Trunk: one conv (+BatchNorm, ReLU, optional 2×2 max-pool) per entry. */
  trunk: Array<{ filters: number; kernel: number; stride: number; pool: boolean }>;
  /** 1×1 conv that narrows the last feature map before it is flattened. */
  squeeze: number;
  /** Width of the hidden dense layer. */
  hidden: number;
  dropout: number;
}

/** Figures on the held-out hands, as the evaluate command prints them. */
export interface LocaliserFigures {
  n_hands: number;
  /** What a centre error is a percentage of. */
  hand_size: string;
  centre_error_pct: { median: number; p95: number; mean: number };
  per_label: Record<string, { boxes: number; centre_error_pct_median: number; centre_error_pct_p95: number; recall_iou_0_3: number; recall_iou_0_3_any_same_label: number; mean_iou: number }>;
  recall_iou_0_3: number;
  /** How a prediction is matched to ground truth for recall. */
  matching: string;
}

export interface LocaliserCard {
  name: string;
  version: string;
  kind: 'tw-localiser';
  created: string;
  description: string;
  intendedUse: string;
  limitations: string[];
  architecture: LocaliserConfig & { parameters: number; outputs: string };
  input: InputSpec;
  /** Output layout: for each slot in this order, (cx, cy, w, h) as fractions of the input frame and a score logit. */
  slots: RoiSlot[];
  training: {
    data: string;
    licence: string;
    split: { seed: number; heldOut: number; train: number; splitFile: string };
    epochs: number;
    batchSize: number;
    optimizer: string;
    loss: string;
    augmentation: string;
    runtime: string;
    durationSeconds: number;
  };
  validation: LocaliserFigures;
  weights: WeightFile[];
}
