/** Where a worklist case stands. Cases move queued → reading → estimating → done, or to failed at any step. */
export type CaseStatus = 'queued' | 'reading' | 'estimating' | 'done' | 'failed';

/** Still to be worked on. */
export function isPending(status: CaseStatus): boolean {
  return status === 'queued' || status === 'reading' || status === 'estimating';
}
