import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf, runCli as run } from '../helpers/run-cli';
import { writeSyntheticRsna } from '../helpers/synthetic-hands';


describe('training and evaluate commands, on a generated RSNA-layout folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rsna-'));
  const { csv, images } = writeSyntheticRsna(dir, 48);
  const out = join(dir, 'run');

  it('trains, writes a loadable model folder with its card and split, and keeps the tensor count flat', () => {
    const last = run('training/train.ts', ['--data', dir, '--out', out, '--epochs', '3', '--batch', '8', '--val-fraction', '0.25']).trim().split('\n').pop()!;
    expect(JSON.parse(last).epochs).toBe(3);
    for (const f of ['model/model.json', 'model/model-card.json', 'model/split.json', 'split.json', 'checkpoint/state.json', 'checkpoint/optimizer.bin']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const card = JSON.parse(readFileSync(join(out, 'model/model-card.json'), 'utf8'));
    expect(card.input).toMatchObject({ width: 100, height: 100, resample: 'nearest-floor-center', normalise: 'per-image-zscore' });
    expect(card.weights.length).toBeGreaterThan(0);
    expect(card.weights[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const split = JSON.parse(readFileSync(join(out, 'split.json'), 'utf8'));
    expect(split.train.length + split.validation.length).toBe(48);
    // The card carries the figures by sex × age band (the page's table); the two bands hold every validation case.
    expect(card.validation.subgroups['all 0-9y'].n + card.validation.subgroups['all 10-18y'].n).toBe(split.validation.length);
    // The last epoch's estimates, one line per validation case (what kfold pools).
    const preds = readFileSync(join(out, 'validation-predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(preds.map((r: { id: string }) => r.id)).toEqual(split.validation);
    expect(preds.every((r: { male: unknown }) => typeof r.male === 'boolean')).toBe(true);
    // Epoch 1 creates the optimizer's state; after that the live tensor count must not grow.
    const history = JSON.parse(readFileSync(join(out, 'checkpoint/state.json'), 'utf8')).history;
    expect(history[2].tensors).toBe(history[1].tensors);
  }, 240_000);

  it('resumes from the last checkpoint (as after a kill), continuing the epoch count; --keep-epochs keeps each epoch as a model folder', () => {
    run('training/train.ts', ['--data', dir, '--out', out, '--epochs', '5', '--batch', '8', '--val-fraction', '0.25', '--resume', '--keep-epochs']);
    const state = JSON.parse(readFileSync(join(out, 'checkpoint/state.json'), 'utf8'));
    expect(state.epoch).toBe(5);
    expect(state.history.map((h: { epoch: number }) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(state.history[4].tensors).toBe(state.history[3].tensors);
    // The resumed run holds the tensors the interrupted one held (restoring Adam's β powers once left 2 more).
    expect(state.history[3].tensors).toBe(state.history[2].tensors);
    expect(existsSync(join(out, 'ckpt-3'))).toBe(false); // epoch 3 ran without the option
    for (const epoch of [4, 5]) {
      const kept = JSON.parse(readFileSync(join(out, `ckpt-${epoch}`, 'model-card.json'), 'utf8'));
      expect(kept.training.epochs).toBe(epoch);
      expect(kept.validation.mae_months).toBeCloseTo(state.history[epoch - 1].valMae, 2);
      expect(existsSync(join(out, `ckpt-${epoch}`, 'split.json'))).toBe(true);
    }
  }, 240_000);

  it('--init-weights starts from a trained model: with lr 0 it validates exactly as that model did', () => {
    const from = join(out, 'model');
    const before = JSON.parse(readFileSync(join(from, 'model-card.json'), 'utf8'));
    const warm = join(dir, 'run-warm');
    const last = run('training/train.ts', ['--data', dir, '--out', warm, '--epochs', '1', '--batch', '8', '--val-fraction', '0.25', '--lr', '0', '--init-weights', from]).trim().split('\n').pop()!;
    // A fresh network would score far from the trained one; the same weights (BN re-estimated on the same images) score the same.
    expect(JSON.parse(last).last_val_mae_months).toBeCloseTo(before.validation.mae_months, 2);
    const card = JSON.parse(readFileSync(join(warm, 'model/model-card.json'), 'utf8'));
    expect(card.training.initWeights).toMatchObject({ from, sha256: before.weights.map((w: { sha256: string }) => w.sha256) });
  }, 240_000);

  it('--cell-weights seeded from a plain-mean model starts as that model (zero logits: every cell 1/N)', () => {
    const from = join(out, 'model');
    const before = JSON.parse(readFileSync(join(from, 'model-card.json'), 'utf8'));
    const weighted = join(dir, 'run-weighted');
    const last = run('training/train.ts', ['--data', dir, '--out', weighted, '--epochs', '1', '--batch', '8', '--val-fraction', '0.25', '--lr', '0', '--cell-weights', '--init-weights', from]).trim().split('\n').pop()!;
    expect(JSON.parse(last).last_val_mae_months).toBeCloseTo(before.validation.mae_months, 2);
    const card = JSON.parse(readFileSync(join(weighted, 'model/model-card.json'), 'utf8'));
    expect(card.architecture.cellWeights).toBe(true);
    expect(card.output.reduce).toBe('weighted');
  }, 240_000);

  it('--init-seed keeps the split and gives another initialisation (replicates for a study)', () => {
    // lr 0: the weights stay as initialised, so the two runs differ only by their initialisation.
    const common = ['--data', dir, '--epochs', '1', '--batch', '8', '--val-fraction', '0.25', '--lr', '0'];
    const a = JSON.parse(run('training/train.ts', [...common, '--out', join(dir, 'seed-a')]).trim().split('\n').pop()!);
    const b = JSON.parse(run('training/train.ts', [...common, '--out', join(dir, 'seed-b'), '--init-seed', '7']).trim().split('\n').pop()!);
    const splitOf = (d: string) => JSON.parse(readFileSync(join(dir, d, 'split.json'), 'utf8'));
    expect(splitOf('seed-b').validation).toEqual(splitOf('seed-a').validation);
    expect(b.last_val_mae_months).not.toBeCloseTo(a.last_val_mae_months, 2);
    expect(JSON.parse(readFileSync(join(dir, 'seed-b', 'model/model-card.json'), 'utf8')).training.initSeed).toBe(7);
  }, 240_000);

  it('--init-weights refuses a model trained on another split or with another architecture', () => {
    const from = join(out, 'model');
    const attempt = (extra: string[]) => refusalOf('training/train.ts', ['--data', dir, '--out', join(dir, 'run-refused'), '--epochs', '1', '--batch', '8', '--init-weights', from, ...extra]);
    expect(attempt(['--val-fraction', '0.5'])).toMatch(/another split/);
    expect(attempt(['--val-fraction', '0.25', '--layers', '8x3p,16x3p,32x3p'])).toMatch(/another architecture/);
  }, 240_000);

  it('trains data-parallel over two worker threads', () => {
    const out2 = join(dir, 'run-workers');
    const last = run('training/train.ts', ['--data', dir, '--out', out2, '--epochs', '2', '--batch', '8', '--val-fraction', '0.25', '--workers', '2']).trim().split('\n').pop()!;
    expect(JSON.parse(last).epochs).toBe(2);
    const card = JSON.parse(readFileSync(join(out2, 'model/model-card.json'), 'utf8'));
    expect(card.training.workers).toBe(2);
    const history = JSON.parse(readFileSync(join(out2, 'checkpoint/state.json'), 'utf8')).history;
    expect(history[1].tensors).toBe(history[0].tensors); // no per-step tensors left on the main thread
  }, 240_000);

  it('--fused-batchnorm trains on two workers with the fused BatchNorm kernels and says so on the card', () => {
    const out3 = join(dir, 'run-fused-bn');
    const last = run('training/train.ts', ['--data', dir, '--out', out3, '--epochs', '1', '--batch', '8', '--val-fraction', '0.25', '--workers', '2', '--fused-batchnorm']).trim().split('\n').pop()!;
    expect(Number.isFinite(JSON.parse(last).best_val_mae_months)).toBe(true);
    const card = JSON.parse(readFileSync(join(out3, 'model/model-card.json'), 'utf8'));
    expect(card.training.fusedBatchNorm).toBe(true);
  }, 240_000);

  it('combine makes one ensemble model whose estimate is the mean of its members\' (and refuses members with other validation ids)', () => {
    const members = [join(out, 'model'), join(dir, 'seed-b', 'model')];
    const ens = join(dir, 'ensemble');
    const last = JSON.parse(run('training/combine.ts', ['--models', members.join(','), '--out', ens, '--data', dir]).trim().split('\n').pop()!);
    expect(last.members).toBe(2);
    const card = JSON.parse(readFileSync(join(ens, 'model-card.json'), 'utf8'));
    expect(card.architecture.ensemble.map((m: { sha256: string[] }) => m.sha256)).toEqual(
      members.map((m) => JSON.parse(readFileSync(join(m, 'model-card.json'), 'utf8')).weights.map((w: { sha256: string }) => w.sha256)));
    expect(card.validation.mae_months).toBeCloseTo(last.mae_months, 5);
    const predictions = (model: string) => new Map(run('training/evaluate.ts', ['--model', model, '--csv', csv, '--images', images, '--split', join(ens, 'split.json'), '--predictions', '--tta', 'none'])
      .trim().split('\n').map((l) => JSON.parse(l)).filter((o) => 'id' in o).map((o) => [o.id, o.predicted as number]));
    const [p1, p2, pe] = [...members, ens].map(predictions);
    expect(pe.size).toBeGreaterThan(5);
    for (const [id, v] of pe) expect(v).toBeCloseTo((p1.get(id)! + p2.get(id)!) / 2, 1);
    expect([...pe].some(([id]) => Math.abs(p1.get(id)! - p2.get(id)!) > 0.5)).toBe(true); // the members do differ

    const other = join(dir, 'other-split');
    cpSync(members[1], other, { recursive: true });
    const split = JSON.parse(readFileSync(join(other, 'split.json'), 'utf8'));
    writeFileSync(join(other, 'split.json'), JSON.stringify({ train: split.train.slice(1), validation: [...split.validation, split.train[0]] }));
    expect(() => run('training/combine.ts', ['--models', `${members[0]},${other}`, '--out', join(dir, 'ensemble-refused'), '--data', dir])).toThrow(/validation ids/);
  }, 240_000);

  it('average takes the mean of checkpoints and validates it anew, without the first card\'s interval, checks or careful reading', () => {
    // Figures measured on the first folder's weights would otherwise be shown beside the mean's estimates.
    const first = join(dir, 'avg-first');
    cpSync(join(out, 'ckpt-4'), first, { recursive: true });
    const card4 = JSON.parse(readFileSync(join(first, 'model-card.json'), 'utf8'));
    const measured = { ...card4.validation, mae_months: 1 };
    const interval = { method: 'constant', coverage: 0.9, q: 1, offsetMonths: 5 };
    writeFileSync(join(first, 'model-card.json'), JSON.stringify({ ...card4, training: { ...card4.training, durationSeconds: 100 }, interval, checks: [{ name: 'x', figures: measured, note: 'x' }], careful: { tta: 'axis1', validation: measured, interval } }));
    // A run's checkpoints record its running time: the later one's (here set by hand) is what the mean cost.
    const second = join(dir, 'avg-second');
    cpSync(join(out, 'ckpt-5'), second, { recursive: true });
    const card5 = JSON.parse(readFileSync(join(second, 'model-card.json'), 'utf8'));
    writeFileSync(join(second, 'model-card.json'), JSON.stringify({ ...card5, training: { ...card5.training, durationSeconds: 125 } }));
    const avg = join(dir, 'avg');
    const last = JSON.parse(run('training/average-weights.ts', ['--models', `${first},${second}`, '--data', dir, '--out', avg]).trim().split('\n').pop()!);
    const card = JSON.parse(readFileSync(join(avg, 'model-card.json'), 'utf8'));
    expect(card.validation.mae_months).toBeCloseTo(last.mae_months, 5);
    expect(card.validation.mae_months).not.toBe(1);
    expect(card.training.optimizer).toMatch(/mean of the weights after epochs 4 and 5/);
    expect(card.training.durationSeconds).toBe(125);
    expect(card).not.toHaveProperty('interval');
    expect(card).not.toHaveProperty('checks');
    expect(card).not.toHaveProperty('careful');
  }, 240_000);

  it('evaluate prints the contract JSON as its last line, for images of any size', () => {
    const lines = run('training/evaluate.ts', ['--model', join(out, 'model'), '--csv', csv, '--images', images]).trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result.n).toBe(48);
    for (const k of ['mae_months', 'rmse_months', 'bias_months', 'within_12_months']) expect(Number.isFinite(result[k])).toBe(true);
    expect(result.rmse_months).toBeGreaterThanOrEqual(result.mae_months);
  }, 240_000);
});
