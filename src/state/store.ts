import { create } from 'zustand';
import type { BoneAgeModel } from '../../core/model';
import type { Estimate, ModelCard } from '../../core/model/types';
import type { DecodedImage } from '../../core/pipeline/types';
import type { BackendName } from '../inference/backend-choice';
import type { PatientInfo } from '../age/types';

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
}

/** The image on screen and what is known about it. */
export interface OpenCase {
  seq: number;
  fileName: string;
  fileBytes: number;
  image: DecodedImage;
  imageId: string;
  result: CaseResult | null;
  estimating: boolean;
  estimateError: string | null;
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
  model: BoneAgeModel | null;
  card: ModelCard | null;
  modelError: string | null;

  current: OpenCase | null;
  /** A file is being read and decoded. */
  reading: boolean;
  /** The last file that could not be opened. The case on screen stays as it was. */
  error: PageError | null;
  /** Counts files opened (each drop or pick), so late results for an older file are dropped. */
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
  modelError: null,
  current: null,
  reading: false,
  error: null,
  seq: 0,
  overlay: { visible: true, opacity: 0.45 },
  setOverlayVisible: (visible) => set((s) => ({ overlay: { ...s.overlay, visible } })),
  setOverlayOpacity: (opacity) => set((s) => ({ overlay: { ...s.overlay, opacity: Math.min(1, Math.max(0, opacity)) } })),
  dismissError: () => set({ error: null }),
}));

/** A short line for the status readout. Contains "ready" exactly when the model is loaded and warm. */
export function statusText(s: Pick<State, 'phase' | 'reading' | 'current' | 'backend'>): string {
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
      if (s.current?.estimating) return 'Model ready — estimating…';
      return 'Model ready';
  }
}
