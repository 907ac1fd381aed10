/**
 * What a --resume must keep: the options that define a training run. A checkpoint records them when the
 * run starts; resuming with others (another --lr, --layers, --rotate, data …) would silently continue
 * a different run from its weights and optimizer state, so it is refused.
 */
type Options = Record<string, string | number | boolean>;

/** Options that may change between sittings: where and how fast it runs, and --epochs (a run is
 *  deliberately extended or cut short that way, e.g. `--resume --epochs 9` after epoch 6). */
const FREE_ON_RESUME = new Set(['resume', 'out', 'workers', 'backend', 'keep-epochs', 'epochs']);

/** The run-defining subset of parsed train.ts options, keys sorted (what state.json records). */
export function runDefiningOptions(args: Options): Options {
  return Object.fromEntries(Object.keys(args).filter((k) => !FREE_ON_RESUME.has(k)).sort().map((k) => [k, args[k]]));
}

/** One line per option that differs, e.g. `--lr 0.002 at the start, 0.001 now`; empty when they agree. */
export function resumeOptionDifferences(saved: Options, now: Options): string[] {
  const a = runDefiningOptions(saved), b = runDefiningOptions(now);
  const show = (v: string | number | boolean | undefined) => (v === undefined ? '(not given)' : v === true ? '(given)' : String(v));
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    .filter((k) => a[k] !== b[k])
    .map((k) => `--${k} ${show(a[k])} at the start, ${show(b[k])} now`);
}
