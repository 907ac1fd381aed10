import type { ReadingMode } from '../../core/model/reading-mode';
import type { CaseStatus } from './case-status';

interface Queued {
  seq: number;
  status: CaseStatus;
}

/**
 * Which queued case to work on next: the one on screen if it is still queued (the reader is waiting
 * for it), else the earliest of the latest batch (a file just opened), else the earliest queued.
 */
export function nextCaseToWork<T extends Queued>(cases: readonly T[], selected: number | null, latestBatch: number): T | null {
  const queued = cases.filter((c) => c.status === 'queued');
  if (queued.length === 0) return null;
  return queued.find((c) => c.seq === selected) ?? queued.find((c) => c.seq >= latestBatch) ?? queued[0];
}

/**
 * After a switch of reading mode, which estimated case to read again next: one whose estimate came from
 * another reading and that can be read again (its input plane kept, and reading it in this mode has not
 * already failed since the switch), the one on screen first.
 */
export function nextCaseToReadAgain<T extends Queued & { result: { reading: ReadingMode } | null }>(
  cases: readonly T[],
  selected: number | null,
  reading: ReadingMode,
  canReadAgain: (seq: number) => boolean,
): T | null {
  const stale = cases.filter((c) => c.status === 'done' && c.result && c.result.reading !== reading && canReadAgain(c.seq));
  return stale.find((c) => c.seq === selected) ?? stale[0] ?? null;
}

/** The case `delta` rows from the selected one, stopping at the ends; the first (or last) when none is selected. */
export function stepSelection(seqs: readonly number[], selected: number | null, delta: 1 | -1): number | null {
  if (seqs.length === 0) return null;
  const i = selected === null ? -1 : seqs.indexOf(selected);
  if (i < 0) return delta > 0 ? seqs[0] : seqs[seqs.length - 1];
  return seqs[Math.min(seqs.length - 1, Math.max(0, i + delta))];
}
