import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticRsna } from '../helpers/synthetic-hands';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) => execFileSync(tsx, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

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
    // Epoch 1 creates the optimizer's state; after that the live tensor count must not grow.
    const history = JSON.parse(readFileSync(join(out, 'checkpoint/state.json'), 'utf8')).history;
    expect(history[2].tensors).toBe(history[1].tensors);
  }, 240_000);

  it('resumes from the last checkpoint (as after a kill), continuing the epoch count', () => {
    run('training/train.ts', ['--data', dir, '--out', out, '--epochs', '5', '--batch', '8', '--val-fraction', '0.25', '--resume']);
    const state = JSON.parse(readFileSync(join(out, 'checkpoint/state.json'), 'utf8'));
    expect(state.epoch).toBe(5);
    expect(state.history.map((h: { epoch: number }) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(state.history[4].tensors).toBe(state.history[3].tensors);
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

  it('evaluate prints the contract JSON as its last line, for images of any size', () => {
    const lines = run('training/evaluate.ts', ['--model', join(out, 'model'), '--csv', csv, '--images', images]).trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    expect(result.n).toBe(48);
    for (const k of ['mae_months', 'rmse_months', 'bias_months', 'within_12_months']) expect(Number.isFinite(result[k])).toBe(true);
    expect(result.rmse_months).toBeGreaterThanOrEqual(result.mae_months);
  }, 240_000);
});
