/**
 * The inverse of `combine`: writes each member of an ensemble model folder back out as a model folder of
 * its own (original layer names, a member card, the ensemble's split.json), so a member can seed a further
 * training cycle (--init-weights) or be re-combined when only the shipped ensemble survives.
 *   npm run split-ensemble -- --model public/models/bonet-rsna100 --out runs/members
 * writes runs/members/member-1, member-2, … Weights are float32 copies of what the folder holds (a float16
 * ensemble gives float16-rounded weights). --resample sets the members' input resampling (default: the
 * ensemble's); `combine` needs it equal to that of a network trained afresh (nearest-floor-center), which
 * gives the same 100×100 thumbnails as the area-average a shipped card usually names.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, parseResampleOption } from './cli-args';
import { loadPlaneSet, readLabels } from './data/rsna';
import { splitEnsemble } from './io/split-ensemble';
import { loadModelFolder, readModelCard, saveModelFolder, writeModelCard } from './io/model-files';
import { initTrainingRuntime } from './runtime';
import { validateOn } from './validate';

const args = parseArgs(process.argv.slice(2), { model: 'string', out: 'string', data: 'string', resample: 'string' });
if (!args.model || !args.out) throw new Error('Usage: split-ensemble --model <ensemble folder> --out <dir> [--data <RSNA folder>] [--resample nearest-floor-center|area-average]');
const resample = args.resample === undefined ? undefined : parseResampleOption(String(args.resample));
const dir = String(args.model);
const dataDir = String(args.data ?? '../shared/data/rsna-bone-age');
await initTrainingRuntime('wasm');

const card = readModelCard(dir);
const ensemble = await loadModelFolder(dir);
const members = await splitEnsemble(ensemble, card);
// Each member's own validation figures (one pass), measured again on the ensemble's split.
const splitFile = join(dir, card.training.split.splitFile ?? 'split.json');
const split = JSON.parse(readFileSync(splitFile, 'utf8')) as { validation: string[] };
const byId = new Map(readLabels(join(dataDir, 'boneage-training-dataset.csv')).map((c) => [c.id, c]));
const validation = loadPlaneSet(join(dataDir, 'boneage-training-dataset'), split.validation.map((id) => byId.get(id)!), card.input, 'validation');
const { tta: _tta, ...output } = card.output;
mkdirSync(String(args.out), { recursive: true });
for (const [i, m] of members.entries()) {
  const out = join(String(args.out), `member-${i + 1}`);
  mkdirSync(out, { recursive: true });
  const weights = await saveModelFolder(m.net, out);
  const figures = await validateOn(m.net, validation, card.input, output);
  writeModelCard(out, { ...m.card, input: { ...m.card.input, ...(resample ? { resample } : {}) }, output, validation: figures, weights });
  copyFileSync(splitFile, join(out, 'split.json'));
  process.stderr.write(`${out}: ${m.card.name} v${m.card.version} (${m.net.countParams()} parameters), validation MAE ${figures.mae_months} in one pass\n`);
}
