import type { InputSpec } from '../pipeline/types';
import type { IntervalCalibration } from '../uncertainty/interval';

/** BoNet's shape (Spampinato et al. 2017, §3.3), sized for 100×100 inputs. */
export interface BoNetConfig {
  /** One entry per conv layer of the trunk. */
  convLayers: Array<{ filters: number; kernel: number; stride: number; pool: boolean }>;
  /** Where the deformation layer (spatial transformer) sits: null = none, -1 = on the input,
   *  i ≥ 0 = after trunk layer i (after its pool). */
  deformAfter: number | null;
  /** BatchNorm between each conv and its ReLU (not in the paper; speeds convergence). */
  batchNorm: boolean;
  /** The "fully connected" layer as a conv spanning a headKernel × headKernel window, valid padding. */
  head: { filters: number; kernel: number; dropout: number };
  /** Two output channels, 0 = the age if the child is a boy, 1 = if a girl: the child's sex enters as
   *  a choice of the last (1×1) layer, sharing everything before it (late fusion). Absent = one channel. */
  sexHeads?: boolean;
  /** One more output channel, after the age channels: a logit per cell (a 1×1 conv on the fc features).
   *  The estimate is then the softmax-weighted mean of the cells — a learned confidence — instead of the
   *  plain mean (OutputSpec.reduce 'weighted'). Absent = plain mean. */
  cellWeights?: boolean;
}

/** How the network's raw output becomes months: months = raw · scale + offset.
 *  Training regresses a standardised target; the card carries the affine back to months. */
export interface OutputSpec {
  unit: 'months';
  scale: number;
  offset: number;
  /** How the map becomes one estimate: 'mean' = the plain mean of the cells; 'weighted' = the mean
   *  weighted by softmax of the network's last output channel (BoNetConfig.cellWeights). */
  reduce: 'mean' | 'weighted';
  /** True when the map has one channel per sex (channel 0 boy, 1 girl); see BoNetConfig.sexHeads. */
  bySex?: boolean;
  /** Test-time augmentation: the estimate (bone age and map) is the mean over the input plane and its
   *  shifted copies (core/uncertainty/tta-estimate.ts TTA_SHIFT_SETS; axis1 = ±1 px axis shifts, 5 passes
   *  in one batch). The card's validation figures are measured the same way. Absent = one pass. */
  tta?: 'axis1' | 'grid1';
}

export interface ValidationFigures {
  n: number;
  mae_months: number;
  rmse_months: number;
  bias_months: number;
  within_12_months: number;
  /** The same figures by sex × age band (keys in core/model/subgroups.ts), when measured. */
  subgroups?: Record<string, ValidationFigures>;
  /** How far single cells of the age map are from the reference age: the mean absolute error of each
   *  cell over the cases, summarised over the cells. The network learns only through the cells' mean,
   *  so one cell is not an age estimate of its own; this says by how much. */
  cell_mae_months?: { min: number; median: number; max: number };
}

/** A further held-out check of a shipped model (e.g. the full-resolution radiographs), as measured. */
export interface ModelCheck {
  name: string;
  figures: ValidationFigures;
  /** How it was measured: data, preprocessing, command. */
  note: string;
  /** 'recipe': measured on other networks trained the way this card's were (a k-fold cross-validation),
   *  so it says how well the training recipe does, not these weights, and is the same for every reading.
   *  Absent: measured on this card's own weights, by the reading whose checks list it is in. */
  describes?: 'recipe';
}

export interface WeightFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** One network of an ensemble model, as its own card described it when it was combined. */
export interface EnsembleMember {
  name: string;
  version: string;
  /** The trunk, as train.ts's --layers spells it, and the head's filters. */
  layers: string;
  headFilters: number;
  parameters: number;
  /** Its own validation MAE (months) as its card recorded it (with that card's test-time augmentation, if any). */
  validationMae: number;
  /** SHA-256 of its weight files when combined. */
  sha256: string[];
  /** Its training, as its card said (epochs, optimizer, augmentation, command when recorded). */
  training: string;
}

/** A second, slower reading of the same networks that the page offers on demand (core/model/reading-mode.ts):
 *  test-time augmentation on a card that reads in one pass, with its own figures, measured the same way as
 *  the card's (`evaluate --careful <tta> --record-*`, `calibrate:interval --careful`). */
export interface CarefulReading {
  tta: NonNullable<OutputSpec['tta']>;
  validation?: ValidationFigures;
  checks?: ModelCheck[];
  interval?: IntervalCalibration;
}

/** Everything a reader or a researcher needs to know about a shipped model. */
export interface ModelCard {
  name: string;
  version: string;
  created: string;
  description: string;
  intendedUse: string;
  limitations: string[];
  /** An ensemble's card (training/combine.ts) describes its first member here, with every member's
   *  parameters counted and the members listed in `ensemble`. */
  architecture: BoNetConfig & { parameters: number; mapCellsFor100: [number, number]; ensemble?: EnsembleMember[] };
  input: InputSpec;
  output: OutputSpec;
  training: {
    data: string;
    split: { seed: number; validationFraction: number; train: number; validation: number; splitFile: string };
    epochs: number;
    batchSize: number;
    optimizer: string;
    augmentation: string;
    runtime: string;
    /** Worker threads that computed gradients (data-parallel); 1 = in-process. */
    workers?: number;
    /** Youngest and oldest bone age (months) among all the labels; estimates outside are flagged. */
    labelRangeMonths?: [number, number];
    /** Seconds of training; a member split out of an ensemble carries that whole ensemble's (its own is not recorded). */
    durationSeconds: number;
    /** Set by split-ensemble: the ensemble this network was split out of (its member number from 1); its
     *  `optimizer` then holds its full record from that ensemble's card. */
    splitFrom?: { name: string; version: string; member: number };
  };
  validation: ValidationFigures;
  checks?: ModelCheck[];
  /** The calibrated prediction interval (`npm run calibrate:interval`); absent: the page shows none. */
  interval?: IntervalCalibration;
  weights: WeightFile[];
  /** How the weight files store float32 weights when not as float32 (training/ship.ts --quantize);
   *  TensorFlow.js's loader dequantises them from model.json's manifest. Absent: float32. */
  weightsQuantization?: 'float16' | 'uint8';
  /** The careful reading the page offers besides the card's own; absent: one reading only. */
  careful?: CarefulReading;
}

/** The regional age map for one image, in months. */
export interface AgeMap {
  rows: number;
  cols: number;
  /** rows × cols, row-major, months. */
  months: Float32Array;
  /** The cells' learned weights (rows × cols, summing to 1) on a model with OutputSpec.reduce 'weighted';
   *  absent = every cell weighs 1/N. */
  weights?: Float32Array;
}

/** The child's sex as the model reads it; null = not known. */
export type ModelSex = 'male' | 'female' | null;

export interface SexEstimate {
  boneAgeMonths: number;
  map: AgeMap;
}

export interface Estimate extends SexEstimate {
  /** Which of the model's sex channels gave boneAgeMonths/map: 'average' when the model reads sex
   *  but it was not given (mean of both), 'none' for a model without sex channels. */
  sexUsed: 'male' | 'female' | 'average' | 'none';
  /** Both readings, for a model with sex channels (so a later sex entry needs no re-run). */
  bySex?: { male: SexEstimate; female: SexEstimate };
}
