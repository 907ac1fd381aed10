/**
 * The reduced Table-5 architecture study: trains each variant of training/architecture-variants.ts with
 * the same budget, one after the other, and prints the results table.
 *   npm run --silent architecture-study -- [--out runs/arch-study] [--variants a,b] [any train.ts option]
 * Defaults: --sex --epochs 3 --workers 2 on the full training split (seed 42). A variant whose
 * <out>/<name>/history.json already has every epoch is not trained again, so a stopped study resumes
 * variant by variant. Writes <out>/study.json; the last stdout lines are the markdown table.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHITECTURE_VARIANTS, table, type VariantResult } from './architecture-variants';
import { takeOption } from './cli-args';
import { runTrain } from './run-train';

const argv = process.argv.slice(2);
const take = (key: string) => takeOption(argv, key);
const out = take('out') ?? join('runs', 'arch-study');
const epochs = Number(take('epochs') ?? 3);
const workers = take('workers') ?? '2';
const names = take('variants')?.split(',');
const variants = names ? names.map((n) => ARCHITECTURE_VARIANTS.find((v) => v.name === n) ?? fail(`Unknown variant "${n}".`)) : ARCHITECTURE_VARIANTS;
if (argv.includes('--layers') || argv.includes('--deform-after')) fail('The variants set --layers and --deform-after themselves.');
const common = ['--epochs', String(epochs), '--workers', workers, ...(argv.includes('--sex') ? [] : ['--sex']), ...argv];
mkdirSync(out, { recursive: true });

interface EpochRecord { seconds: number; valMae: number; rssMb: number }
const results: VariantResult[] = [];
for (const v of variants) {
  const dir = join(out, v.name);
  const historyFile = join(dir, 'history.json');
  const done = existsSync(historyFile) && (JSON.parse(readFileSync(historyFile, 'utf8')) as unknown[]).length >= epochs;
  if (!done) {
    const args = [...common, ...v.trainArgs, '--out', dir, ...(existsSync(join(dir, 'checkpoint')) ? ['--resume'] : [])];
    process.stderr.write(`${v.name}: tsx training/train.ts ${args.join(' ')}\n`);
    await runTrain(args);
  }
  const history = (JSON.parse(readFileSync(historyFile, 'utf8')) as EpochRecord[]).slice(0, epochs);
  const card = JSON.parse(readFileSync(join(dir, 'model', 'model-card.json'), 'utf8')) as { architecture: { parameters: number } };
  const seconds = history.map((h) => h.seconds).sort((a, b) => a - b);
  results.push({
    name: v.name,
    description: v.description,
    parameters: card.architecture.parameters,
    valMaeByEpoch: history.map((h) => h.valMae),
    secondsPerEpoch: seconds[Math.floor(seconds.length / 2)],
    peakRssMb: Math.max(...history.map((h) => h.rssMb)),
  });
  process.stderr.write(`${v.name}: validation MAE ${history[history.length - 1].valMae.toFixed(2)} months after ${epochs} epochs\n`);
}
writeFileSync(join(out, 'study.json'), JSON.stringify({ common, results }, null, 2) + '\n');
console.log(table(results));

function fail(message: string): never {
  throw new Error(message);
}
