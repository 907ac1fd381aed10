import type { InputSpec } from '../core/pipeline/types';
import { RESAMPLINGS } from '../core/pipeline/preprocess';
import { TTA_SHIFT_SETS, type TtaName } from '../core/uncertainty/tta-estimate';

/** `--key value` and `--flag` parsing; unknown keys are refused so typos do not silently train the wrong thing. */
export function parseArgs(argv: string[], known: Record<string, 'string' | 'number' | 'boolean'>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}".`);
    const key = a.slice(2);
    const kind = known[key];
    if (!kind) throw new Error(`Unknown option --${key}. Known: ${Object.keys(known).map((k) => '--' + k).join(', ')}`);
    if (kind === 'boolean') out[key] = true;
    else {
      const v = argv[++i];
      if (v === undefined) throw new Error(`--${key} needs a value.`);
      out[key] = kind === 'number' ? Number(v) : v;
      if (kind === 'number' && !Number.isFinite(out[key])) throw new Error(`--${key} must be a number.`);
    }
  }
  return out;
}

/** `--tta axis1|grid1|none` (evaluate, ship) → the card's output.tta; none = one pass (undefined). */
export function parseTtaOption(value: string): TtaName | undefined {
  if (value === 'none') return undefined;
  if (!Object.hasOwn(TTA_SHIFT_SETS, value)) throw new Error(`--tta must be one of ${Object.keys(TTA_SHIFT_SETS).join(', ')}, none.`);
  return value as TtaName;
}

/** `--resample <name>` (ship, split-ensemble) → the card's input.resample; refuses names the pipeline lacks. */
export function parseResampleOption(value: string): InputSpec['resample'] {
  const resample = value as InputSpec['resample'];
  if (!RESAMPLINGS.includes(resample)) throw new Error(`--resample must be one of ${RESAMPLINGS.join(', ')}.`);
  return resample;
}

/** Removes `--key value` from argv and returns the value (undefined when absent): for commands that
 *  take a few options of their own and pass the rest on to train.ts (kfold, architecture-study). */
export function takeOption(argv: string[], key: string): string | undefined {
  const i = argv.indexOf(`--${key}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`--${key} needs a value.`);
  argv.splice(i, 2);
  return v;
}
