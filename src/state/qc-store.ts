import { create } from 'zustand';
import type { QcModel } from '../../core/qc/qc-model';
import type { QcReport } from '../../core/qc/types';

export type QcPhase = 'loading' | 'ready' | 'failed';

/** Quality control of one case of the worklist. */
export interface CaseQc {
  /** Null while the check runs (or waits for the classifier). */
  report: QcReport | null;
  /** Why the check failed for this case. */
  error: string | null;
  /** The reader chose to see the estimate despite the flags. */
  overridden: boolean;
}

/** Quality control, kept apart from the main store and keyed by the case's seq. */
export interface QcState {
  phase: QcPhase;
  model: QcModel | null;
  /** Why the QC classifier is unavailable (the page still estimates, marked "not checked"). */
  loadError: string | null;
  byCase: Record<number, CaseQc>;
}

export const useQcStore = create<QcState>()(() => ({
  phase: 'loading',
  model: null,
  loadError: null,
  byCase: {},
}));

export const PENDING_QC: CaseQc = Object.freeze({ report: null, error: null, overridden: false }) as CaseQc;

/** The QC of case `seq` (pending when it has not been checked yet). */
export function qcOfCase(s: Pick<QcState, 'byCase'>, seq: number): CaseQc {
  return s.byCase[seq] ?? PENDING_QC;
}
