import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { recoverAtomicFolder } from '../../training/io/model-files';
import { writeSyntheticRsna } from '../helpers/synthetic-hands';

// `node --import tsx` (not the tsx CLI, which runs the script in a child process): the pid killed
// is the training process itself.
const trainArgs = (dir: string, out: string, extra: string[] = []) =>
  ['--import', 'tsx', 'training/train.ts', '--data', dir, '--out', out, '--epochs', '2', '--batch', '8', '--val-fraction', '0.25', ...extra];
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a training run killed with SIGKILL mid-run', () => {
  it('resumes with --resume from the epoch after its last checkpoint, history and step count intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsna-kill-'));
    writeSyntheticRsna(dir, 32); // ~24 training images: 2–3 steps an epoch at batch 8
    const out = join(dir, 'run');
    const stateFile = join(out, 'checkpoint', 'state.json');

    const child = spawn(process.execPath, trainArgs(dir, out), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let running = true;
    void exited.then(() => (running = false));
    try {
      while (running && !existsSync(stateFile)) await sleep(20);
    } finally {
      child.kill('SIGKILL'); // also when the test times out: no training process left behind
    }
    expect(stderr, 'training ended before its first checkpoint').not.toContain('done in');
    expect(await exited).toBe('SIGKILL');

    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(saved.epoch).toBe(1); // killed right after the first checkpoint, before the run could finish
    const stepsPerEpoch = Math.floor(JSON.parse(readFileSync(join(out, 'split.json'), 'utf8')).train.length / 8);
    expect(stepsPerEpoch).toBeGreaterThanOrEqual(2);
    expect(saved.step).toBe(stepsPerEpoch);
    expect(existsSync(join(out, 'history.json'))).toBe(false); // written only at the very end

    const resumed = await promisify(execFile)(process.execPath, trainArgs(dir, out, ['--resume']), { encoding: 'utf8', timeout: 550_000, killSignal: 'SIGKILL' });
    expect(resumed.stderr).toContain(`resumed after epoch ${saved.epoch} (step ${saved.step},`);
    const final = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(final.epoch).toBe(2);
    expect(final.step).toBe(2 * stepsPerEpoch); // no epoch redone, none skipped
    expect(final.history.map((h: { epoch: number }) => h.epoch)).toEqual([1, 2]);
    expect(final.history.slice(0, saved.epoch)).toEqual(saved.history); // the killed run's epochs, as they were
    expect(JSON.parse(resumed.stdout.trim().split('\n').pop()!).epochs).toBe(2);

    // The same command never interrupted ends with the same weights and optimizer state, bit for bit:
    // order, augmentation and dropout masks are seeded per epoch and step (training/step-random.ts).
    const whole = join(dir, 'whole');
    await promisify(execFile)(process.execPath, trainArgs(dir, whole), { encoding: 'utf8', timeout: 550_000, killSignal: 'SIGKILL' });
    const bins = readdirSync(join(out, 'checkpoint')).filter((f) => f.endsWith('.bin'));
    expect(bins).toContain('optimizer.bin');
    for (const f of bins) {
      expect(sha256(join(out, 'checkpoint', f)), f).toBe(sha256(join(whole, 'checkpoint', f)));
    }
    const wholeState = JSON.parse(readFileSync(join(whole, 'checkpoint', 'state.json'), 'utf8'));
    expect(final.history.map((h: { valMae: number }) => h.valMae)).toEqual(wholeState.history.map((h: { valMae: number }) => h.valMae));
  }, 600_000);

  it('a kill between the checkpoint swap\'s two renames leaves the previous checkpoint, which is put back', () => {
    const root = mkdtempSync(join(tmpdir(), 'ckpt-'));
    const ckpt = join(root, 'checkpoint');
    expect(recoverAtomicFolder(ckpt)).toBe(false); // nothing to recover
    mkdirSync(`${ckpt}.old`);
    writeFileSync(join(`${ckpt}.old`, 'state.json'), '{"epoch":4}');
    expect(recoverAtomicFolder(ckpt)).toBe(true);
    expect(JSON.parse(readFileSync(join(ckpt, 'state.json'), 'utf8')).epoch).toBe(4);
    expect(existsSync(`${ckpt}.old`)).toBe(false);
    expect(recoverAtomicFolder(ckpt)).toBe(false); // an intact checkpoint is left alone
  });
});
