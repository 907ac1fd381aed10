import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('data-parallel gradients over worker threads', () => {
  it.each(['mse', 'l1'])('equal the in-process full-batch gradients (no BatchNorm, no dropout; %s loss)', (kind) => {
    // Worker threads need tsx's loader, so the check runs as its own tsx process.
    const out = execFileSync(join('node_modules', '.bin', 'tsx'), ['test/helpers/data-parallel-check.ts', kind], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.vars).toBeGreaterThan(5);
    expect(r.maxRelDiff).toBeLessThan(1e-4);
    expect(Math.abs(r.loss - r.lossDp)).toBeLessThan(1e-5);
  }, 120_000);

  it('run the epoch\'s end (precise BN, validation estimates) with the main thread\'s results bit for bit', () => {
    const out = execFileSync(join('node_modules', '.bin', 'tsx'), ['test/helpers/epoch-end-check.ts'], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.layers).toBeGreaterThan(2);
    expect(r.statsMovedFromInit).toBeGreaterThan(0.01);
    expect(r.statsMaxDiff).toBe(0);
    expect(r.n).toBe(70);
    expect(r.predsSpread).toBeGreaterThan(1);
    expect(r.predsMaxDiff).toBe(0);
    expect(r.validationShared).toBe(true);
  }, 120_000);
});
