import { THUMBNAIL_INPUT } from '../model/constants';
import type { InputSpec } from '../pipeline/types';
import type { LocaliserConfig, RoiSlot } from './types';

/** Same input as the age model: the RSNA thumbnails' 100×100 nearest squash, z-scored per image. */
export const LOCALISER_INPUT: InputSpec = THUMBNAIL_INPUT;

/** The 17 boxes of a hand in the order the network outputs them. Fingers run thumb → little finger. */
export const ROI_SLOTS: RoiSlot[] = [
  ...([2, 3, 4, 5] as const).map((f) => ({ label: 'DIP' as const, finger: f, name: `DIP${f}` })),
  ...([1, 2, 3, 4, 5] as const).map((f) => ({ label: 'PIP' as const, finger: f, name: `PIP${f}` })),
  ...([1, 2, 3, 4, 5] as const).map((f) => ({ label: 'MCP' as const, finger: f, name: `MCP${f}` })),
  { label: 'Radius', finger: null, name: 'Radius' },
  { label: 'Ulna', finger: null, name: 'Ulna' },
  { label: 'Wrist', finger: null, name: 'Wrist' },
];

/** Values per slot in the network's output: cx, cy, w, h (fractions of the input frame), score logit. */
export const VALUES_PER_SLOT = 5;

/** 100 → 50 (5×5/2) → 25 → 12 → 6 → 6; 6×6×48 flattened into a 192-wide layer. The stride-2 first
 *  layer (as in BoNet) keeps CPU training affordable: no full-resolution feature map is back-propagated. */
export const DEFAULT_LOCALISER: LocaliserConfig = {
  trunk: [
    { filters: 24, kernel: 5, stride: 2, pool: true },
    { filters: 48, kernel: 3, stride: 1, pool: true },
    { filters: 64, kernel: 3, stride: 1, pool: true },
    { filters: 96, kernel: 3, stride: 1, pool: false },
  ],
  squeeze: 48,
  hidden: 192,
  dropout: 0.2,
};
