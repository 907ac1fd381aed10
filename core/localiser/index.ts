export { ROI_LABELS } from './types';
export type * from './types';
export { ROI_SLOTS, VALUES_PER_SLOT, DEFAULT_LOCALISER, LOCALISER_INPUT } from './constants';
export { buildLocaliser } from './network';
export { decodeBoxes, encodeTargets } from './decode';
export { canonicalOrder } from './canonical';
export { TwLocaliser } from './localiser-model';
export { twRegions, THUMB_METACARPAL_TO_PROXIMAL, type TwRegion, type TwRegionId } from './tw-regions';
export { iou, centreDistance, unionRect, diagonal, type Rect } from './geometry';
