import { describe, expect, it } from 'vitest';
import { resumeOptionDifferences, runDefiningOptions } from '../../training/resume-options';

describe('resume options', () => {
  it('keeps what defines the run and drops where and how fast it runs', () => {
    expect(runDefiningOptions({ lr: 0.002, workers: 2, resume: true, sex: true, backend: 'wasm', epochs: 8, 'keep-epochs': true, out: 'runs/a' }))
      .toEqual({ lr: 0.002, sex: true });
  });

  it('agrees when only the free options differ (--epochs extends or cuts a run)', () => {
    expect(resumeOptionDifferences({ lr: 0.002, epochs: 8, workers: 1 }, { epochs: 12, lr: 0.002, workers: 2, resume: true })).toEqual([]);
  });

  it('names each option that changed, appeared or went away', () => {
    expect(resumeOptionDifferences({ lr: 0.002, epochs: 8, sex: true }, { lr: 0.001, epochs: 8, layers: '16x5p' })).toEqual([
      '--layers (not given) at the start, 16x5p now',
      '--lr 0.002 at the start, 0.001 now',
      '--sex (given) at the start, (not given) now',
    ]);
  });
});
