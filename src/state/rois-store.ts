import { create } from 'zustand';
import type { LabelledRegion, LearnedRoi } from '../../core/roi';

/** Learned ROIs for the case on screen (Zeiler–Fergus deconvnet), computed on demand. */
export interface LearnedRoisResult {
  /** The case (store `seq`) they were computed for: a newer case hides them. */
  seq: number;
  layer: string;
  k: number;
  rois: LearnedRoi[];
  ms: number;
}

export interface RoisState {
  layer: string;
  k: number;
  running: boolean;
  error: string | null;
  result: LearnedRoisResult | null;
  visible: boolean;
  opacity: number;
  /** Tanner–Whitehouse regions for the case on screen, in image pixels (the localiser's boxes), if any. */
  regions: { seq: number; boxes: LabelledRegion[] } | null;
  setLayer: (layer: string) => void;
  setK: (k: number) => void;
  setVisible: (visible: boolean) => void;
  setOpacity: (opacity: number) => void;
  /** For the TW-region localiser: the boxes of case `seq`, so the table can say which region each ROI falls in. */
  setRegions: (regions: { seq: number; boxes: LabelledRegion[] } | null) => void;
}

export const K_MIN = 1;
export const K_MAX = 16;

export const useRoisStore = create<RoisState>()((set) => ({
  layer: 'conv3',
  k: 9,
  running: false,
  error: null,
  result: null,
  visible: true,
  opacity: 0.8,
  regions: null,
  setLayer: (layer) => set({ layer }),
  setK: (k) => set({ k: Math.min(K_MAX, Math.max(K_MIN, Math.round(Number.isFinite(k) ? k : 9))) }),
  setVisible: (visible) => set({ visible }),
  setOpacity: (opacity) => set({ opacity: Math.min(1, Math.max(0, opacity)) }),
  setRegions: (regions) => set({ regions }),
}));
