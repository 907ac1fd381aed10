import type { DataSet } from './dicom-parser-module';
import type { PixelModule } from './dicom-pixels';
import { minMaxWindow } from './gray';
import type { PixelArray, WindowSource } from '../types';

export interface DicomWindow {
  center: number;
  width: number;
  source: WindowSource;
}

/** The default display window a DICOM file asks for, in modality units (after the rescale):
 *  Window Center/Width (first pair when multi-valued), else the VOI LUT Sequence's first LUT
 *  read as the input range over which it rises, else the data's min–max. */
export function dicomWindow(ds: DataSet, pm: PixelModule, gray: PixelArray): DicomWindow {
  if (pm.samplesPerPixel === 1) {
    const center = ds.elements.x00281050 ? ds.floatString('x00281050', 0) : undefined;
    const width = ds.elements.x00281051 ? ds.floatString('x00281051', 0) : undefined;
    if (center !== undefined && width !== undefined && Number.isFinite(center) && width > 0) {
      return { center, width, source: 'window-center-width' };
    }
    const fromLut = voiLutWindow(ds, pm);
    if (fromLut) return fromLut;
  }
  return { ...minMaxWindow(gray), source: 'data-range' };
}

/** A VOI LUT maps inputs first..first+n−1 to outputs; viewers show values below its rise as black
 *  and above it as white, which is what a linear window over [lo, hi] does too. */
function voiLutWindow(ds: DataSet, pm: PixelModule): DicomWindow | undefined {
  const item = ds.elements.x00283010?.items?.[0]?.dataSet;
  if (!item?.elements.x00283002 || !item.elements.x00283006) return undefined;
  const entries = item.uint16('x00283002', 0) || 65536; // 0 means 2^16 entries
  const firstRaw = item.uint16('x00283002', 1) ?? 0;
  // The first mapped value is signed (SS) when the pixel data is.
  const first = pm.pixelRepresentation === 1 && firstRaw > 0x7fff ? firstRaw - 0x10000 : firstRaw;
  const data = item.elements.x00283006;
  const wide = data.length >= entries * 2;
  const lut = (i: number): number => (wide ? (item.uint16('x00283006', i) ?? 0) : item.byteArray[data.dataOffset + i]);
  if (data.length < entries * (wide ? 2 : 1)) return undefined;
  const low = lut(0);
  const high = lut(entries - 1);
  if (!(high > low)) return undefined; // flat or decreasing LUT: no sensible linear reading
  let lo = 0;
  while (lo < entries - 1 && lut(lo + 1) <= low) lo++;
  let hi = entries - 1;
  while (hi > 0 && lut(hi - 1) >= high) hi--;
  return { center: first + (lo + hi) / 2, width: Math.max(hi - lo, 1), source: 'voi-lut' };
}
