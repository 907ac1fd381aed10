/**
 * k-fold cross-validation (BoNet used 5 folds): trains one model per fold with train.ts — validation =
 * fold k of a seeded assignment stratified by sex and 2-year age band, training = the other folds —
 * and prints per-fold and mean MAE.
 *   npm run --silent kfold -- --folds 5 [--out runs/kfold] [any train.ts option]
 * Each fold runs `tsx training/train.ts … --folds K --fold k --out <out>/fold-k` in turn (one at a time;
 * pass --workers 2 through for both cores). Progress goes to stderr. Stdout gets one `fold k: MAE` line
 * per fold, the subgroup table of the pooled out-of-fold estimates (each fold's
 * <out>/fold-k/validation-predictions.jsonl) and, last, {"folds":[…],"mean_mae_months","sd_mae_months",
 * "pooled"}. A fold's MAE is its last epoch's validation MAE (best_mae_months, the best epoch on that same
 * fold, is listed too but is optimistically selected).
 * --resume continues an interrupted run: it is passed to every fold's train.ts, so a finished fold
 * reports its figures from its checkpoint without training, the interrupted one continues after its
 * last finished epoch, and the rest start afresh.
 * --record-check <model folder> [--check-name "<name>"] writes the pooled figures, with each fold's MAE
 * and the training options, into that folder's card as a check (the page lists a card's checks), once
 * every fold has its estimates.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kfoldCheck, pooledFigures, summariseFolds, type FoldResult } from './kfold-summary';
import { recordCheck } from './io/card-checks';
import { readPredictionFile } from './io/prediction-file';
import { subgroupTable } from './subgroup-table';
import { takeOption } from './cli-args';
import { runTrain } from './run-train';

const argv = process.argv.slice(2);
const take = (key: string) => takeOption(argv, key);
const folds = Number(take('folds') ?? 5);
if (!Number.isInteger(folds) || folds < 2) throw new Error(`--folds must be an integer ≥ 2 (got ${folds}).`);
if (argv.includes('--fold')) throw new Error('kfold runs every fold itself; leave out --fold.');
const out = take('out') ?? join('runs', 'kfold');
const recordInto = take('record-check');
const checkName = take('check-name') ?? `${folds}-fold cross-validation (pooled out-of-fold estimates, one network per fold)`;
// Checked before hours of training, not after.
if (recordInto && !existsSync(join(recordInto, 'model-card.json'))) throw new Error(`--record-check: ${recordInto} has no model-card.json.`);
mkdirSync(out, { recursive: true });

const results: FoldResult[] = [];
for (let k = 0; k < folds; k++) {
  const args = [...argv, '--folds', String(folds), '--fold', String(k), '--out', join(out, `fold-${k}`)];
  process.stderr.write(`fold ${k + 1}/${folds}: tsx training/train.ts ${args.join(' ')}\n`);
  const last = await runTrain(args);
  const r = JSON.parse(last) as { last_val_mae_months: number; best_val_mae_months: number; epochs: number; model: string };
  results.push({ fold: k, mae_months: r.last_val_mae_months, best_mae_months: r.best_val_mae_months, epochs: r.epochs, model: r.model });
  process.stderr.write(`fold ${k + 1}/${folds}: validation MAE ${r.last_val_mae_months.toFixed(2)} months (last epoch; best epoch ${r.best_val_mae_months.toFixed(2)})\n`);
}
// Every case was estimated once, by the fold model that did not train on it: pool those estimates.
const perFold = results.map((f) => readPredictionFile(join(out, `fold-${f.fold}`)));
const missing = results.filter((_, i) => !perFold[i]).map((f) => f.fold);
if (missing.length === results.length) throw new Error(`No fold kept its validation estimates (${out}/fold-k/validation-predictions.jsonl); rerun with --resume to read them from the checkpoints.`);
const pooled = pooledFigures(perFold.flatMap((rows) => rows ?? []));
const summary = { ...summariseFolds(results), pooled };
writeFileSync(join(out, 'kfold.json'), JSON.stringify(summary, null, 2) + '\n');
for (const f of results) console.log(`fold ${f.fold}: MAE ${f.mae_months.toFixed(2)} months`);
console.log(`out-of-fold estimates of ${missing.length ? `${pooled.n} cases (folds ${missing.join(', ')} kept none: rerun with --resume)` : `all ${pooled.n} cases`}, pooled (each fold's last epoch):`);
console.log(subgroupTable(pooled, pooled.subgroups!));
console.log(JSON.stringify(summary));
if (recordInto) {
  if (missing.length) throw new Error(`--record-check: not recorded, folds ${missing.join(', ')} have no estimates (rerun with --resume).`);
  const path = recordCheck(recordInto, kfoldCheck(summary, argv, checkName, new Date().toISOString().slice(0, 10)));
  process.stderr.write(`recorded in ${path}\n`);
}
