import type { InputSpec } from '../pipeline/types';

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
}

/** How the network's raw output becomes months: months = raw · scale + offset.
 *  Training regresses a standardised target; the card carries the affine back to months. */
export interface OutputSpec {
  unit: 'months';
  scale: number;
  offset: number;
  /** How the map becomes one estimate. */
  reduce: 'mean';
}

export interface ValidationFigures {
  n: number;
  mae_months: number;
  rmse_months: number;
  bias_months: number;
  within_12_months: number;
}

export interface WeightFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Everything a reader or a researcher needs to know about a shipped model. */
export interface ModelCard {
  name: string;
  version: string;
  created: string;
  description: string;
  intendedUse: string;
  limitations: string[];
  architecture: BoNetConfig & { parameters: number; mapCellsFor100: [number, number] };
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
    durationSeconds: number;
  };
  validation: ValidationFigures;
  weights: WeightFile[];
}

/** The regional age map for one image, in months. */
export interface AgeMap {
  rows: number;
  cols: number;
  /** rows × cols, row-major, months. */
  months: Float32Array;
}

export interface Estimate {
  boneAgeMonths: number;
  map: AgeMap;
}
