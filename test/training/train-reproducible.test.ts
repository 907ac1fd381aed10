import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticRsna } from '../helpers/synthetic-hands';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const weightsOf = (out: string) => readdirSync(join(out, 'checkpoint')).filter((f) => f.endsWith('.bin')).sort()
  .map((f) => `${f} ${createHash('sha256').update(readFileSync(join(out, 'checkpoint', f))).digest('hex')}`);

describe('a training run on two worker threads', () => {
  it('gives the same weights bit for bit when run again with the same command, other weights with another --init-seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsna-repro-'));
    writeSyntheticRsna(dir, 40);
    const train = (out: string, extra: string[] = []) =>
      execFileSync(tsx, ['training/train.ts', '--data', dir, '--out', join(dir, out), '--epochs', '1', '--batch', '8', '--val-fraction', '0.25', '--workers', '2', '--rotate', '10', ...extra], { stdio: 'ignore' });
    train('a');
    train('b');
    train('c', ['--init-seed', '5']);
    const [a, b, c] = ['a', 'b', 'c'].map((r) => weightsOf(join(dir, r)));
    expect(a.length).toBeGreaterThanOrEqual(2); // the network's weights and the optimizer's
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  }, 300_000);
});
