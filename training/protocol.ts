/**
 * The training recipe train.ts runs, from its options. Without --protocol it is the project's default
 * (Adam, warm-up + cosine, batch 32, random shift ±6 px, standardised target); `--protocol paper` is
 * BoNet §4.2 (Spampinato et al. 2017): SGD with momentum 0.9, lr 0.002 decayed per mini-batch as
 * lr0 / (1 + 0.0002·t), batch 4, MSE, 10 uniformly spaced 90×90 crops per image as training samples.
 * Any option given explicitly wins over the protocol's value, so each deviation can be measured alone.
 */
export interface Recipe {
  protocol: 'default' | 'paper';
  optimizer: 'adam' | 'momentum';
  momentum: number;
  lr: number;
  schedule: 'cosine' | 'inverse-time';
  /** γ of lr0 / (1 + γ·t). */
  decay: number;
  batch: number;
  /** Crops per image (0 = train on the whole image); each crop is one sample of an epoch. */
  crops: number;
  cropSize: number;
  shift: number;
  /** Random rotation up to ± this many degrees (0 = none). */
  rotate: number;
  /** Random magnification in [1 − scale, 1 + scale] (0 = none). */
  scale: number;
  /** 'standardised': regress (months − mean) / sd of the training labels; 'months': the label itself. */
  target: 'standardised' | 'months';
  /** The per-image error minimised: squared (BoNet's MSE) or absolute. */
  loss: 'mse' | 'l1';
  /** Decoupled weight decay on the conv kernels per unit of learning rate (AdamW's λ; 0 = none). */
  weightDecay: number;
}

const DEFAULT: Recipe = {
  protocol: 'default', optimizer: 'adam', momentum: 0.9, lr: 2e-3, schedule: 'cosine', decay: 2e-4,
  batch: 32, crops: 0, cropSize: 90, shift: 6, rotate: 0, scale: 0, target: 'standardised', loss: 'mse', weightDecay: 0,
};

// target stays standardised: with raw months SGD at lr 0.002 diverges (training/README.md gives the run).
const PAPER: Partial<Recipe> = { protocol: 'paper', optimizer: 'momentum', lr: 2e-3, schedule: 'inverse-time', batch: 4, crops: 10, cropSize: 90, shift: 0 };

export function resolveRecipe(args: Record<string, string | number | boolean>): Recipe {
  const protocol = String(args.protocol ?? 'default');
  if (protocol !== 'default' && protocol !== 'paper') throw new Error(`--protocol must be "paper" or "default" (got "${protocol}").`);
  const r: Recipe = { ...DEFAULT, ...(protocol === 'paper' ? PAPER : {}) };
  const pick = <K extends keyof Recipe>(key: K, option: string, allowed?: readonly string[]) => {
    if (args[option] === undefined) return;
    if (allowed && !allowed.includes(String(args[option]))) throw new Error(`--${option} must be one of ${allowed.join(', ')} (got "${args[option]}").`);
    r[key] = args[option] as Recipe[K];
  };
  pick('optimizer', 'optimizer', ['adam', 'momentum']);
  pick('momentum', 'momentum');
  pick('lr', 'lr');
  pick('schedule', 'schedule', ['cosine', 'inverse-time']);
  pick('decay', 'lr-decay');
  pick('batch', 'batch');
  pick('crops', 'crops');
  pick('cropSize', 'crop-size');
  pick('shift', 'shift');
  pick('rotate', 'rotate');
  pick('scale', 'scale');
  pick('target', 'target', ['standardised', 'months']);
  pick('loss', 'loss', ['mse', 'l1']);
  pick('weightDecay', 'weight-decay');
  if (!Number.isInteger(r.batch) || r.batch < 1) throw new Error(`--batch must be a positive integer (got ${r.batch}).`);
  if (!Number.isInteger(r.crops) || r.crops < 0) throw new Error(`--crops must be 0 or a positive integer (got ${r.crops}).`);
  if (!(r.rotate >= 0 && r.rotate <= 45)) throw new Error(`--rotate must be between 0 and 45 degrees (got ${r.rotate}).`);
  if (!(r.weightDecay >= 0 && r.weightDecay < 1)) throw new Error(`--weight-decay must be at least 0 and below 1 (got ${r.weightDecay}).`);
  if (!(r.scale >= 0 && r.scale < 0.5)) throw new Error(`--scale must be at least 0 and below 0.5 (got ${r.scale}).`);
  return r;
}

/** One line for the model card's training.optimizer. */
export function describeOptimizer(r: Recipe): string {
  const opt = r.optimizer === 'adam' ? `Adam, ${r.schedule === 'cosine' ? 'peak ' : ''}lr ${r.lr}` : `SGD with momentum ${r.momentum}, lr0 ${r.lr}`;
  const sched = r.schedule === 'cosine' ? 'linear warm-up then cosine decay' : `decayed per mini-batch as lr0 / (1 + ${r.decay}·t)`;
  const target = `${r.loss === 'l1' ? 'mean absolute error' : 'MSE'} on the ${r.target === 'months' ? 'label in months' : 'standardised label'}`;
  const decay = r.weightDecay > 0 ? `, decoupled weight decay ${r.weightDecay} on the conv kernels (AdamW-style)` : '';
  return `${opt}${decay}, ${sched}; ${target}; BatchNorm statistics recomputed over 1,280 training images after each epoch (precise BN)${r.protocol === 'paper' ? ' [--protocol paper]' : ''}`;
}

/** One line for the model card's training.augmentation. */
export function describeAugmentation(r: Recipe, width: number, height: number): string {
  const parts: string[] = [];
  if (r.crops > 0) parts.push(`${r.crops} uniformly spaced ${r.cropSize}×${r.cropSize} crops per ${width}×${height} image (rank-1 lattice offsets), each a training sample`);
  if (r.rotate > 0 || r.scale > 0) {
    const what = [r.rotate > 0 ? `rotation up to ±${r.rotate}°` : '', r.scale > 0 ? `magnification ${+(1 - r.scale).toFixed(3)}–${+(1 + r.scale).toFixed(3)}` : ''].filter(Boolean).join(' and ');
    parts.push(`random ${what} about the centre (bilinear)`);
  }
  if (r.shift > 0) parts.push(`random integer shift up to ±${r.shift} px (edge-replicated)`);
  return parts.length ? parts.join('; then ') : 'none';
}
