import { create } from 'zustand';
import type { TwLocaliser } from '../../core/localiser/localiser-model';
import { ROI_LABELS, type RoiLabel, type SlotBox } from '../../core/localiser/types';

/** `absent`: models/index.json lists no localiser — the page works without one. */
export type LocaliserPhase = 'idle' | 'loading' | 'ready' | 'absent' | 'failed';

export interface LocatedRegions {
  /** The case (store seq) and image the boxes belong to. */
  seq: number;
  imageId: string;
  /** In the image's own pixel frame. */
  boxes: SlotBox[];
  ms: number;
}

export interface LocaliserState {
  phase: LocaliserPhase;
  localiser: TwLocaliser | null;
  error: string | null;
  regions: LocatedRegions | null;
  running: boolean;
  /** Labels whose boxes are drawn. */
  shown: Record<RoiLabel, boolean>;
  setShown: (label: RoiLabel, on: boolean) => void;
}

export const useLocaliserStore = create<LocaliserState>()((set) => ({
  phase: 'idle',
  localiser: null,
  error: null,
  regions: null,
  running: false,
  shown: Object.fromEntries(ROI_LABELS.map((l) => [l, true])) as Record<RoiLabel, boolean>,
  setShown: (label, on) => set((s) => ({ shown: { ...s.shown, [label]: on } })),
}));
