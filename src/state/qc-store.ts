import { create } from 'zustand';
import type { QcModel } from '../../core/qc/qc-model';
import type { QcReport } from '../../core/qc/types';

export type QcPhase = 'loading' | 'ready' | 'failed';

/** Quality control of the case on screen, kept apart from the main store (keyed by the case's seq). */
export interface QcState {
  phase: QcPhase;
  model: QcModel | null;
  /** Why the QC classifier is unavailable (the page still estimates, marked "not checked"). */
  loadError: string | null;
  /** The report for case `seq`, or the reason the check failed. */
  seq: number | null;
  report: QcReport | null;
  error: string | null;
  /** The reader chose to see an estimate despite the flags. */
  overridden: boolean;
}

export const useQcStore = create<QcState>()(() => ({
  phase: 'loading',
  model: null,
  loadError: null,
  seq: null,
  report: null,
  error: null,
  overridden: false,
}));
