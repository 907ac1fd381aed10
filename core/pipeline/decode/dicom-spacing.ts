import type { DataSet } from './dicom-parser-module';
import type { PixelSpacing } from '../types';

/** Pixel Spacing (0028,0030: in the patient, calibrated) when given, else Imager Pixel Spacing
 *  (0018,1164: at the detector, so it includes the geometric magnification). Both are
 *  "row spacing\column spacing" in mm; anything not two positive numbers is ignored. */
export function readPixelSpacing(ds: DataSet): PixelSpacing | undefined {
  for (const [tag, source] of [['x00280030', 'PixelSpacing'], ['x00181164', 'ImagerPixelSpacing']] as const) {
    const text = ds.elements[tag] ? ds.string(tag) : undefined;
    if (!text) continue;
    const [row, column] = text.split('\\').map((s) => Number(s.trim()));
    if (row > 0 && column > 0 && Number.isFinite(row) && Number.isFinite(column)) return { rowMm: row, columnMm: column, source };
  }
  return undefined;
}
