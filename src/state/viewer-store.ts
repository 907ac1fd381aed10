import { create } from 'zustand';
import type { Tool } from '../viewer/geometry';

/** What the viewport shows in its corner: the display state cornerstone holds. */
export interface ViewReadout {
  /** The image on screen. */
  imageId: string;
  windowWidth: number;
  windowCenter: number;
  /** Screen pixels per image pixel. */
  scale: number;
  /** Pan, in image pixels. */
  translation: { x: number; y: number };
  invert: boolean;
}

/** The viewer's own state, apart from the case store: the left-drag tool, the help panel, the readout. */
export interface ViewerState {
  tool: Tool;
  helpOpen: boolean;
  readout: ViewReadout | null;
  setTool: (tool: Tool) => void;
  setHelpOpen: (open: boolean) => void;
  setReadout: (readout: ViewReadout | null) => void;
}

export const useViewerStore = create<ViewerState>()((set) => ({
  tool: 'window',
  helpOpen: false,
  readout: null,
  setTool: (tool) => set({ tool }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setReadout: (readout) => set({ readout }),
}));
