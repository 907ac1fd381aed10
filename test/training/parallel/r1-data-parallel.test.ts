import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('bench:r1 --workers: R1 on the data-parallel training workers', () => {
  it('gives the in-process full-batch gradients and loss', () => {
    const out = execFileSync(join('node_modules', '.bin', 'tsx'), ['test/helpers/r1-data-parallel-check.ts'], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.vars).toBe(10); // four convolutions and the dense layer, kernel and bias each
    expect(r.maxRelDiff).toBeLessThan(1e-4);
    expect(Math.abs(r.loss - r.lossDp)).toBeLessThan(1e-5);
  }, 180_000);
});
