import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../src/worklist/case-status';
import { nextCaseToReadAgain, nextCaseToWork, stepSelection } from '../../../src/worklist/queue';

const c = (seq: number, status: CaseStatus) => ({ seq, status });

describe('nextCaseToWork', () => {
  const cases = [c(1, 'done'), c(2, 'failed'), c(3, 'queued'), c(4, 'queued'), c(5, 'queued'), c(6, 'queued')];

  it('takes the earliest queued case of the latest batch, then the earlier ones in order', () => {
    expect(nextCaseToWork(cases, null, 1)?.seq).toBe(3);
    expect(nextCaseToWork(cases, null, 5)?.seq).toBe(5);
    expect(nextCaseToWork([c(3, 'queued'), c(5, 'done'), c(6, 'failed')], null, 5)?.seq).toBe(3);
  });

  it('takes the case on screen first when it is still queued', () => {
    expect(nextCaseToWork(cases, 4, 5)?.seq).toBe(4);
    expect(nextCaseToWork(cases, 1, 5)?.seq).toBe(5); // case 1 is done: not worked on again
  });

  it('returns null when nothing is queued (reading and estimating cases are in hand already)', () => {
    expect(nextCaseToWork([c(1, 'reading'), c(2, 'estimating'), c(3, 'done')], null, 1)).toBeNull();
    expect(nextCaseToWork([], null, 1)).toBeNull();
  });
});

describe('nextCaseToReadAgain', () => {
  const read = (seq: number, status: CaseStatus, reading: 'standard' | 'careful' | null) => ({ seq, status, result: reading ? { reading } : null });
  const cases = [read(1, 'done', 'careful'), read(2, 'done', 'standard'), read(3, 'estimating', 'standard'), read(4, 'failed', null), read(5, 'done', 'standard')];
  const any = () => true;

  it('takes estimates made in the other reading, the case on screen first, then in order', () => {
    expect(nextCaseToReadAgain(cases, null, 'careful', any)?.seq).toBe(2);
    expect(nextCaseToReadAgain(cases, 5, 'careful', any)?.seq).toBe(5);
    expect(nextCaseToReadAgain(cases, 1, 'careful', any)?.seq).toBe(2); // on screen, but already careful
    expect(nextCaseToReadAgain(cases, null, 'standard', any)?.seq).toBe(1);
  });

  it('leaves cases being worked on, without an estimate, or that cannot be read again (no plane, or failed in this mode)', () => {
    expect(nextCaseToReadAgain(cases, 3, 'careful', (seq) => seq !== 2)?.seq).toBe(5); // 3 is in hand already
    expect(nextCaseToReadAgain(cases, null, 'careful', (seq) => seq === 4)).toBeNull();
    expect(nextCaseToReadAgain(cases, null, 'standard', (seq) => seq !== 1)).toBeNull();
    expect(nextCaseToReadAgain([], null, 'careful', any)).toBeNull();
  });
});

describe('stepSelection', () => {
  const seqs = [3, 4, 7, 9];
  it('moves one row and stops at the ends', () => {
    expect(stepSelection(seqs, 4, 1)).toBe(7);
    expect(stepSelection(seqs, 4, -1)).toBe(3);
    expect(stepSelection(seqs, 9, 1)).toBe(9);
    expect(stepSelection(seqs, 3, -1)).toBe(3);
  });
  it('starts at an end when nothing (or a removed case) is selected', () => {
    expect(stepSelection(seqs, null, 1)).toBe(3);
    expect(stepSelection(seqs, null, -1)).toBe(9);
    expect(stepSelection(seqs, 5, 1)).toBe(3);
    expect(stepSelection([], 1, 1)).toBeNull();
  });
});
