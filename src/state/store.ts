import { create } from 'zustand';
import type { BoneAgeModel } from '../../core/model';
import type { Estimate, ModelCard } from '../../core/model/types';
import type { ReadingMode } from '../../core/model/reading-mode';
import type { DecodedImage } from '../../core/pipeline/types';
import type { CaseStatus } from '../worklist/case-status';
import type { BackendName } from '../inference/backend-choice';
import type { PatientInfo } from '../age/types';
import { loadReadingPreference } from './reading-preference';

export type ModelPhase = 'starting' | 'loading' | 'warming' | 'ready' | 'failed';

export interface CaseResult {
  estimate: Estimate;
  /** Wall time around model.estimate (preprocessing, inference, read-back). */
  inferenceMs: number;
  backend: BackendName;
  modelName: string;
  modelVersion: string;
  maeMonths: number | null;
  maeN: number | null;
  /** Which reading made the estimate (core/model/reading-mode.ts) and its name, e.g. "careful reading, 5 passes". */
  reading: ReadingMode;
  readingName: string;
}

/** A decoded image without its pixels: what the panels show. The pixels are held only while needed
 *  (src/viewer/image-loader.ts) and decoded again from the file when the case is shown again. */
export type ImageHeader = Omit<DecodedImage, 'data'>;

/** One file of the worklist and what is known about it. */
export interface OpenCase {
  /** Case id: counts files opened, in order. */
  seq: number;
  fileName: string;
  fileBytes: number;
  status: CaseStatus;
  /** Why the case failed (status 'failed'), for its row. */
  message: string | null;
  /** Null until the file has been read. */
  image: ImageHeader | null;
  imageId: string | null;
  result: CaseResult | null;
  estimateError: string | null;
  /** Why reading the case again in another reading mode failed (the earlier estimate stands); cleared by a
   *  later successful reading. */
  rereadError?: string | null;
  /** Sex, dates and age of the child (from the DICOM file or typed by the user). */
  patient: PatientInfo;
}

export interface PageError {
  seq: number;
  fileName: string | null;
  message: string;
}

export interface State {
  phase: ModelPhase;
  backend: BackendName | null;
  requestedBackend: BackendName | null;
  /** Said when the requested backend could not be used, or ?backend= was not understood. */
  backendNote: string | null;
  /** The loaded model as the reader's reading mode reads it (model.forReading), and its card: every
   *  figure the page shows beside an estimate is this card's. */
  model: BoneAgeModel | null;
  card: ModelCard | null;
  /** The reading the reader asked for ('careful' applies only where the card offers it). */
  readingMode: ReadingMode;
  /** The loaded model's own card (its standard reading), whatever the reading mode. */
  baseCard: ModelCard | null;
  modelError: string | null;

  /** The worklist, in the order the files were opened. Read the case on screen with currentCase(state). */
  cases: OpenCase[];
  /** seq of the case on screen. */
  selected: number | null;
  /** A file is being read and decoded. */
  reading: boolean;
  /** The last file that could not be opened. The case on screen stays as it was. */
  error: PageError | null;
  /** Counts files opened: the seq of the latest case. */
  seq: number;

  overlay: { visible: boolean; opacity: number };

  setOverlayVisible: (visible: boolean) => void;
  setOverlayOpacity: (opacity: number) => void;
  dismissError: () => void;
}

export const useStore = create<State>()((set) => ({
  phase: 'starting',
  backend: null,
  requestedBackend: null,
  backendNote: null,
  model: null,
  card: null,
  readingMode: loadReadingPreference(),
  baseCard: null,
  modelError: null,
  cases: [],
  selected: null,
  reading: false,
  error: null,
  seq: 0,
  overlay: { visible: true, opacity: 0.45 },
  setOverlayVisible: (visible) => set((s) => ({ overlay: { ...s.overlay, visible } })),
  setOverlayOpacity: (opacity) => set((s) => ({ overlay: { ...s.overlay, opacity: Math.min(1, Math.max(0, opacity)) } })),
  dismissError: () => set({ error: null }),
}));

/** The case on screen (everything that used to read `state.current`). */
export function currentCase(s: Pick<State, 'cases' | 'selected'>): OpenCase | null {
  return s.selected === null ? null : (s.cases.find((c) => c.seq === s.selected) ?? null);
}

/** A short line for the status readout. Contains "ready" exactly when the model is loaded and warm. */
export function statusText(s: Pick<State, 'phase' | 'reading' | 'backend'> & { current: OpenCase | null }): string {
  switch (s.phase) {
    case 'starting':
      return 'Starting the inference backend…';
    case 'loading':
      return `Loading the model (${s.backend ?? '…'})…`;
    case 'warming':
      return `Warming up the model on ${s.backend ?? '…'}…`;
    case 'failed':
      return 'Model unavailable';
    case 'ready':
      if (s.reading) return 'Model ready — reading file…';
      if (s.current?.status === 'estimating') return 'Model ready — estimating…';
      return 'Model ready';
  }
}
