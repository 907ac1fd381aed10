import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf, runCli as run } from '../helpers/run-cli';
import { writeSyntheticRsna } from '../helpers/synthetic-hands';


describe('--protocol paper, --init-kernels, kfold and evaluate --table, on a generated RSNA-layout folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rsna-protocol-'));
  const { csv, images } = writeSyntheticRsna(dir, 40);

  it('trains with the paper protocol from a kernel bank and records both on the card', () => {
    // An RGB 3×3 bank of 4 kernels (conv1 is 5×5 with 16 filters: resized, the other 12 stay He-initialised).
    const bank = join(dir, 'bank.json');
    writeFileSync(bank, JSON.stringify({ shape: [3, 3, 3, 4], data: Array.from({ length: 108 }, (_, i) => Math.sin(i)) }));
    const out = join(dir, 'paper');
    const last = run('training/train.ts', ['--data', dir, '--out', out, '--protocol', 'paper', '--epochs', '1', '--limit', '24', '--val-fraction', '0.25', '--init-kernels', bank]).trim().split('\n').pop()!;
    expect(JSON.parse(last).epochs).toBe(1);
    const card = JSON.parse(readFileSync(join(out, 'model/model-card.json'), 'utf8'));
    expect(card.training.batchSize).toBe(4);
    expect(card.training.optimizer).toMatch(/^SGD with momentum 0.9, lr0 0.002, decayed per mini-batch as lr0 \/ \(1 \+ 0.0002·t\)/);
    expect(card.training.augmentation).toMatch(/^10 uniformly spaced 90×90 crops/);
    expect(card.training.initKernels).toMatchObject({ bankShape: [3, 3, 3, 4], kernelsUsed: 4, ofFilters: 16, channelsAveraged: 3, resized: 'bilinear 3×3 → 5×5', layout: 'hwio' });
    expect(card.training.initKernels.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Every training image gives 10 samples, in batches of 4.
    const nTrain = JSON.parse(readFileSync(join(out, 'split.json'), 'utf8')).train.length;
    const state = JSON.parse(readFileSync(join(out, 'checkpoint/state.json'), 'utf8'));
    expect(state.step).toBe(Math.floor((nTrain * 10) / 4));
    expect(state.initKernels).toEqual(card.training.initKernels); // kept for a --resume
  }, 1_200_000);

  it('kfold trains one model per fold and prints per-fold lines and the summary JSON', () => {
    const out = join(dir, 'kfold');
    const lines = run('training/kfold.ts', ['--data', dir, '--out', out, '--folds', '2', '--epochs', '1', '--batch', '8']).trim().split('\n');
    const summary = JSON.parse(lines.pop()!);
    expect(lines.slice(0, 3)).toEqual([expect.stringMatching(/^fold 0: MAE \d+\.\d\d months$/), expect.stringMatching(/^fold 1: MAE \d+\.\d\d months$/), 'out-of-fold estimates of all 40 cases, pooled (each fold\'s last epoch):']);
    // Then the subgroup table of the pooled estimates: every case once, its MAE the folds' (20 cases each, rounded estimates).
    expect(lines.filter((l) => /^\| (M|F|all) /.test(l))).toHaveLength(7);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^\\| all \\| 40 \\| ${summary.pooled.mae_months.toFixed(1)} \\|`));
    expect(summary.pooled.n).toBe(40);
    expect(summary.folds.map((f: { fold: number }) => f.fold)).toEqual([0, 1]);
    const maes = summary.folds.map((f: { mae_months: number }) => f.mae_months);
    expect(summary.mean_mae_months).toBeCloseTo((maes[0] + maes[1]) / 2, 2);
    expect(Math.abs(summary.pooled.mae_months - (maes[0] + maes[1]) / 2)).toBeLessThan(0.006);
    expect(readFileSync(join(out, 'fold-0/validation-predictions.jsonl'), 'utf8').trim().split('\n')).toHaveLength(20);
    const splits = [0, 1].map((k) => JSON.parse(readFileSync(join(out, `fold-${k}/split.json`), 'utf8')));
    expect(splits[0].validation).toEqual(splits[1].train); // two folds: each validates on the other's training cases
    expect(new Set([...splits[0].validation, ...splits[1].validation]).size).toBe(40);
  }, 600_000);

  it('kfold --resume reports finished folds without training them and trains the missing one', () => {
    const out = join(dir, 'kfold');
    const before = JSON.parse(readFileSync(join(out, 'kfold.json'), 'utf8'));
    const fold0State = join(out, 'fold-0/checkpoint/state.json');
    const [stateBefore, savedAt] = [readFileSync(fold0State, 'utf8'), statSync(fold0State).mtimeMs];
    rmSync(join(out, 'fold-1'), { recursive: true }); // as if the run had died before fold 1 started
    rmSync(join(out, 'fold-0/validation-predictions.jsonl')); // as a fold trained before runs kept their estimates
    // and carried without its optimizer state (a finished fold needs none)
    for (const f of ['optimizer.json', 'optimizer.bin']) rmSync(join(out, 'fold-0/checkpoint', f));
    // A model folder to record the cross-validation into (any card will do).
    const shipped = join(dir, 'shipped');
    cpSync(join(dir, 'paper', 'model'), shipped, { recursive: true });
    const summary = JSON.parse(run('training/kfold.ts', ['--data', dir, '--out', out, '--folds', '2', '--epochs', '1', '--batch', '8', '--resume', '--record-check', shipped, '--check-name', 'CV of the recipe']).trim().split('\n').pop()!);
    expect([readFileSync(fold0State, 'utf8'), statSync(fold0State).mtimeMs]).toEqual([stateBefore, savedAt]); // not trained again
    const check = JSON.parse(readFileSync(join(shipped, 'model-card.json'), 'utf8')).checks.find((c: { name: string }) => c.name === 'CV of the recipe');
    expect(check.figures).toEqual(summary.pooled);
    expect(check.describes).toBe('recipe');
    expect(check.note).toMatch(/^40 cases, each estimated once by the one of 2 networks .* Training options: --data \S+ --epochs 1 --batch 8\. Measured/);
    expect(summary.folds[0]).toEqual(before.folds[0]);
    // Fold 0's estimates were read again from its checkpoint: the same network as its last validation.
    const fold0 = readFileSync(join(out, 'fold-0/validation-predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const fold0Mae = fold0.reduce((a, r) => a + Math.abs(r.predicted - r.boneage), 0) / fold0.length;
    expect(Math.abs(fold0Mae - before.folds[0].mae_months)).toBeLessThan(0.006);
    expect(summary.pooled.n).toBe(40);
    expect(summary.folds[1].epochs).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'fold-1/checkpoint/state.json'), 'utf8')).epoch).toBe(1);
    expect(summary.mean_mae_months).toBeCloseTo((summary.folds[0].mae_months + summary.folds[1].mae_months) / 2, 2);
    // Without its optimizer state a checkpoint cannot go on training: a longer run from fold 0's is refused,
    // the reason readable (not after the wasm glue's 30 kB source line, as Node printed it before).
    const refusal = refusalOf('training/train.ts', ['--data', dir, '--out', join(out, 'fold-0'), '--folds', '2', '--fold', '0', '--epochs', '2', '--batch', '8', '--resume']);
    expect(refusal).toMatch(/has no optimizer state .* stopped after epoch 1 of 2/);
    expect(refusal).not.toMatch(/WasmBackendModule/);
    expect(refusal.length).toBeLessThan(4000);
    // A folder without a card is refused before any training.
    expect(() => run('training/kfold.ts', ['--data', dir, '--out', join(dir, 'kfold-none'), '--folds', '2', '--record-check', join(dir, 'nowhere')]))
      .toThrow(/--record-check: \S+nowhere has no model-card.json/);
    // Resuming with another recipe would continue a different run from these weights: refused, naming the change.
    expect(() => run('training/kfold.ts', ['--data', dir, '--out', out, '--folds', '2', '--epochs', '1', '--batch', '8', '--lr', '0.001', '--resume']))
      .toThrow(/--lr \(not given\) at the start, 0.001 now/);
  }, 600_000);

  it('evaluate --table prints the seven-row subgroup table before the JSON line', () => {
    const lines = run('training/evaluate.ts', ['--model', join(dir, 'paper', 'model'), '--csv', csv, '--images', images, '--table']).trim().split('\n');
    const json = JSON.parse(lines.pop()!);
    expect(lines.slice(-9, -7)).toEqual(['| group | n | MAE (months) | RMSE (months) | bias (months) | within 12 months |', '|---|---:|---:|---:|---:|---:|']);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^\\| all \\| 40 \\| ${json.mae_months.toFixed(1)} \\|`));
    expect(lines.filter((l) => /^\| (M|F|all) /.test(l))).toHaveLength(7);
  }, 600_000);

  it('evaluate --record-check writes the figures into the card\'s checks, and --record-validation its validation', () => {
    const model = join(dir, 'recorded');
    cpSync(join(dir, 'paper', 'model'), model, { recursive: true });
    const json = JSON.parse(run('training/evaluate.ts', ['--model', model, '--csv', csv, '--images', images, '--record-check', 'all 40', '--record-validation']).trim().split('\n').pop()!);
    const card = JSON.parse(readFileSync(join(model, 'model-card.json'), 'utf8'));
    expect(card.checks).toHaveLength(1);
    expect(card.checks[0]).toMatchObject({ name: 'all 40', figures: { n: 40, mae_months: json.mae_months, subgroups: json.subgroups } });
    expect(card.checks[0].note).toMatch(/^40 cases of .*, through the page's pipeline/);
    expect(card.validation).toEqual(card.checks[0].figures);
  }, 600_000);

  it('evaluate --careful reads with TTA and records into the card\'s careful reading, leaving its own figures alone', () => {
    const model = join(dir, 'careful');
    cpSync(join(dir, 'paper', 'model'), model, { recursive: true });
    const before = JSON.parse(readFileSync(join(model, 'model-card.json'), 'utf8'));
    // A check for a careful reading that was never recorded is refused.
    expect(() => run('training/evaluate.ts', ['--model', model, '--csv', csv, '--images', images, '--careful', 'axis1', '--record-check', 'all 40'])).toThrow(/no careful reading with that TTA/);
    expect(() => run('training/evaluate.ts', ['--model', model, '--csv', csv, '--images', images, '--careful', 'axis1', '--tta', 'grid1'])).toThrow(/--careful needs/);
    const oneLine = (extra: string[]) => JSON.parse(run('training/evaluate.ts', ['--model', model, '--csv', csv, '--images', images, ...extra]).trim().split('\n').pop()!);
    const careful = oneLine(['--careful', 'axis1', '--record-validation', '--record-check', 'all 40']);
    const tta = oneLine(['--tta', 'axis1']);
    expect(careful).toMatchObject({ tta: 'axis1', passesPerCase: 5, reading: 'careful', mae_months: tta.mae_months });
    const card = JSON.parse(readFileSync(join(model, 'model-card.json'), 'utf8'));
    expect(card.careful.tta).toBe('axis1');
    expect(card.careful.validation).toMatchObject({ n: 40, mae_months: careful.mae_months });
    expect(card.careful.checks[0]).toMatchObject({ name: 'all 40', figures: { mae_months: careful.mae_months } });
    expect(card.careful.checks[0].note).toMatch(/TTA axis1/);
    // The card's own (one-pass) figures and reading are untouched.
    expect(card.validation).toEqual(before.validation);
    expect(card.checks).toEqual(before.checks);
    expect(card.output.tta).toBeUndefined();
  }, 600_000);
});
