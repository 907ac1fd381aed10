import type { PixelSpacing } from '../../core/pipeline/types';

/** "0.15 × 0.15 mm per pixel (Imager Pixel Spacing, at the detector)": column (x) spacing first,
 *  as a width × height reads, and which attribute said so, since only Pixel Spacing is in the
 *  patient plane (Imager Pixel Spacing includes the X-ray geometric magnification). */
export function formatPixelSpacing(s: PixelSpacing): string {
  const mm = (v: number) => String(Number(v.toPrecision(4)));
  const where = s.source === 'PixelSpacing' ? 'Pixel Spacing' : 'Imager Pixel Spacing, at the detector';
  return `${mm(s.columnMm)} × ${mm(s.rowMm)} mm per pixel (${where})`;
}
