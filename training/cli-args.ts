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
