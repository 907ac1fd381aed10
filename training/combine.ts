/**
 * Combines trained models into one ensemble model folder the page loads like any other: every member
 * reads the image, their age maps are averaged cell by cell (training/io/combine-models.ts), so the
 * estimate is the mean of the members' estimates. Validates it (one pass) on the members' common split.
 *   npm run combine -- --models runs/a/model-avg3,runs/b/model-avg3 --out runs/ens [--data ../shared/data/rsna-bone-age] [--name bonet-rsna100]
 * Refused unless the members share the input specification, the output scaling and sex channels, the age
 * map's shape and the validation ids (otherwise one member trained on the others' validation images).
 * Then, as for any model: ship (--tta), evaluate --record-validation, calibrate:interval.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnsembleMember, ModelCard } from '../core/model/types';
import { parseArgs } from './cli-args';
import { loadPlaneSet, readLabels } from './data/rsna';
import { combineModels } from './io/combine-models';
import { combinedDurationSeconds, memberTrainingLine } from './io/member-record';
import { atomicFolder, loadModelFolder, readModelCard, saveModelFolder, withoutMeasuredFigures, writeModelCard } from './io/model-files';
import { formatLayers } from './layers-spec';
import { initTrainingRuntime } from './runtime';
import { validateOn } from './validate';

const args = parseArgs(process.argv.slice(2), { models: 'string', data: 'string', out: 'string', name: 'string' });
if (!args.models || !args.out) throw new Error('Usage: combine --models <dir,dir,...> --out <dir> [--data <RSNA folder>] [--name <model name>]');
const dirs = String(args.models).split(',');
const dataDir = String(args.data ?? '../shared/data/rsna-bone-age');
await initTrainingRuntime('wasm');

const cards = dirs.map(readModelCard);
const splits = dirs.map((d) => JSON.parse(readFileSync(join(d, 'split.json'), 'utf8')) as { train: string[]; validation: string[] });
const same = (what: string, key: (c: ModelCard, i: number) => unknown) => {
  const values = cards.map((c, i) => JSON.stringify(key(c, i)));
  const odd = values.findIndex((v) => v !== values[0]);
  if (odd > 0) throw new Error(`${dirs[odd]} differs from ${dirs[0]} in ${what}: ${values[odd]} vs ${values[0]}.`);
};
same('its input specification', (c) => c.input);
same('its output scaling and sex channels', (c) => [c.output.unit, c.output.scale, c.output.offset, c.output.bySex ?? false]);
same('its validation ids (split.json)', (_, i) => [...splits[i].validation].sort());
const weighted = cards.findIndex((c) => c.output.reduce !== 'mean');
if (weighted >= 0) throw new Error(`${dirs[weighted]} weighs its map's cells (output.reduce "${cards[weighted].output.reduce}"); an ensemble averages plain-mean maps only.`);
if (cards.some((c) => c.architecture.ensemble)) throw new Error('A member is itself an ensemble; combine its members instead.');

const nets = await Promise.all(dirs.map((d) => loadModelFolder(d)));
const ensemble = await combineModels(nets, [cards[0].input.height, cards[0].input.width]);
const members: EnsembleMember[] = cards.map((c, i) => ({
  name: c.name,
  version: c.version,
  layers: formatLayers(c.architecture.convLayers),
  headFilters: c.architecture.head.filters,
  parameters: nets[i].countParams(),
  validationMae: c.validation.mae_months,
  sha256: c.weights.map((w) => w.sha256),
  training: memberTrainingLine(c),
}));

const byId = new Map(readLabels(join(dataDir, 'boneage-training-dataset.csv')).map((c) => [c.id, c]));
const spec = cards[0].input;
const validation = loadPlaneSet(join(dataDir, 'boneage-training-dataset'), splits[0].validation.map((id) => byId.get(id)!), spec, 'validation');
const { tta: _tta, ...output } = cards[0].output; // ship --tta sets it again; the figures below are one pass
const figures = await validateOn(ensemble, validation, spec, output);
process.stderr.write(`ensemble of ${dirs.length}: validation MAE ${figures.mae_months} in one pass (members, with their cards' reading: ${members.map((m) => m.validationMae).join(', ')})\n`);

const outDir = String(args.out);
const t0 = cards[0].training;
// The first card's interval, checks and careful reading were measured on that network alone, not on the ensemble.
const base = withoutMeasuredFigures(cards[0]);
await atomicFolder(outDir, async (tmp) => {
  const weights = await saveModelFolder(ensemble, tmp);
  writeModelCard(tmp, {
    ...base,
    name: String(args.name ?? cards[0].name),
    created: new Date().toISOString().slice(0, 10),
    description: `An ensemble of ${dirs.length} BoNet networks trained on the same split: each reads the image, their regional age maps are averaged cell by cell, and the bone age is that map's mean (= the mean of the networks' estimates). ${cards[0].description}`,
    architecture: { ...cards[0].architecture, parameters: ensemble.countParams(), ensemble: members },
    output,
    // The members' own training (epochs, optimizer, warm starts, commands) is in architecture.ensemble.
    training: {
      data: t0.data,
      split: t0.split,
      epochs: Math.max(...cards.map((c) => c.training.epochs)),
      batchSize: t0.batchSize,
      optimizer: `each member as trained (architecture.ensemble); combined with npm run combine -- --models ${dirs.join(',')}`,
      augmentation: 'each member as trained (architecture.ensemble)',
      runtime: t0.runtime,
      ...(t0.labelRangeMonths ? { labelRangeMonths: t0.labelRangeMonths } : {}),
      durationSeconds: combinedDurationSeconds(cards),
    },
    validation: figures,
    weights,
  });
  writeFileSync(join(tmp, 'split.json'), readFileSync(join(dirs[0], 'split.json')));
});
console.log(JSON.stringify({ model: outDir, members: dirs.length, parameters: ensemble.countParams(), ...figures }));
