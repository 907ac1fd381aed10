import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historySeconds, runProgressAt } from '../../../training/io/run-progress';

const dir = mkdtempSync(join(tmpdir(), 'run-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = JSON.parse(readFileSync('public/models/bonet-rsna100/model-card.json', 'utf8'));
const folder = (name: string, files: Record<string, unknown>) => {
  const d = join(dir, name);
  mkdirSync(d);
  for (const [f, v] of Object.entries(files)) writeFileSync(join(d, f), JSON.stringify(v));
  return d;
};

describe('historySeconds', () => {
  it('sums the epochs\' times to whole seconds, an epoch without a time counting nothing', () => {
    expect(historySeconds([{ seconds: 600.4 }, { seconds: 700.3 }, {}])).toBe(1301);
    expect(historySeconds([])).toBe(0);
  });
});

describe('runProgressAt', () => {
  it('reads a model folder\'s time from its card', () => {
    expect(runProgressAt(folder('ckpt-4', { 'model-card.json': { ...shipped, training: { ...shipped.training, durationSeconds: 2400 } } })).seconds).toBe(2400);
  });

  it('sums a checkpoint folder\'s epochs, which has no card (average used to leave them out)', () => {
    expect(runProgressAt(folder('checkpoint', { 'state.json': { epoch: 2, history: [{ epoch: 1, seconds: 1198 }, { epoch: 2, seconds: 663 }] } })).seconds).toBe(1861);
  });
});
