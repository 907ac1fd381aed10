/**
 * Averages the weights of several checkpoints of one training run (stochastic weight averaging over
 * late epochs), recomputes BatchNorm statistics, validates on the run's own split, and writes a model
 * folder the page loads as is.
 *   npm run average -- --models runs/x/model,runs/x/checkpoint --data ../shared/data/rsna-bone-age --out runs/x/model-avg
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from './cli-args';
import { loadPlaneSet, readLabels } from './data/rsna';
import { atomicFolder, loadModelFolder, readModelCard, saveModelFolder, withoutMeasuredFigures, writeModelCard } from './io/model-files';
import { runProgressAt } from './io/run-progress';
import { initTrainingRuntime } from './runtime';
import { recalibrateOn, validateOn } from './validate';

const args = parseArgs(process.argv.slice(2), { models: 'string', data: 'string', out: 'string', name: 'string' });
if (!args.models || !args.out) throw new Error('Usage: average --models <dir,dir,...> --out <dir> [--data <RSNA folder>]');
const dirs = String(args.models).split(',');
const dataDir = String(args.data ?? '../shared/data/rsna-bone-age');
await initTrainingRuntime('wasm');
const nets = await Promise.all(dirs.map((d) => loadModelFolder(d)));
const base = readModelCard(dirs[0]);
const split = JSON.parse(readFileSync(join(dirs[0], 'split.json'), 'utf8')) as { train: string[]; validation: string[] };
const spec = base.input;
const progress = dirs.map(runProgressAt);
const epochs = progress.map((p) => p.epoch);
// A run's checkpoints record its running time, so the latest one's is the time the mean cost (the first's alone
// would leave out the epochs after it).
const durationSeconds = Math.max(...progress.map((p) => p.seconds));

// Mean of every weight; BatchNorm moving statistics are recomputed below rather than averaged.
const net = nets[0];
net.weights.forEach((w, i) => {
  const mean = tf.tidy(() => tf.div(tf.addN(nets.map((n) => n.weights[i].read())), nets.length));
  w.write(mean);
  mean.dispose();
});

const byId = new Map(readLabels(join(dataDir, 'boneage-training-dataset.csv')).map((c) => [c.id, c]));
const imagesDir = join(dataDir, 'boneage-training-dataset');
const load = (ids: string[], label: string) => loadPlaneSet(imagesDir, ids.map((id) => byId.get(id)!), spec, label);
recalibrateOn(net, load(split.train.slice(0, 1280), 'calibration'), spec);
const figures = await validateOn(net, load(split.validation, 'validation'), spec, base.output);
process.stderr.write(`averaged ${dirs.length} checkpoints: validation MAE ${figures.mae_months} (first alone: ${base.validation.mae_months})\n`);

const outDir = String(args.out);
// The first folder's interval, checks and careful reading were measured on its weights, not on the mean.
const kept = withoutMeasuredFigures(base);
await atomicFolder(outDir, async (tmp) => {
  const weights = await saveModelFolder(net, tmp);
  writeModelCard(tmp, {
    ...kept,
    name: String(args.name ?? base.name),
    created: new Date().toISOString().slice(0, 10),
    training: {
      ...base.training,
      epochs: Math.max(...epochs),
      durationSeconds,
      optimizer: `${base.training.optimizer}; final weights = mean of the weights after epochs ${epochs.join(' and ')}, BatchNorm statistics recomputed`,
    },
    validation: figures,
    weights,
  });
  writeFileSync(join(tmp, 'split.json'), readFileSync(join(dirs[0], 'split.json')));
});
console.log(JSON.stringify({ model: outDir, ...figures }));
