import type { Rgb } from './colormap';

/** Distinct colours for up to 16 projections on a dark radiograph (Okabe–Ito first, then Set3-like tints). */
export const ROI_COLOURS: readonly Rgb[] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
  [240, 228, 66],
  [213, 94, 0],
  [204, 121, 167],
  [255, 255, 255],
  [141, 211, 199],
  [251, 128, 114],
  [128, 177, 211],
  [253, 180, 98],
  [179, 222, 105],
  [252, 205, 229],
  [188, 128, 189],
  [204, 235, 197],
  [255, 237, 111],
];

export function roiColour(i: number): Rgb {
  return ROI_COLOURS[((i % ROI_COLOURS.length) + ROI_COLOURS.length) % ROI_COLOURS.length];
}
