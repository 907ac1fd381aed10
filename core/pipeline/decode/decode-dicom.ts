import type { DecodedImage } from '../types';
import { PIXEL_DATA_TAG, parseDicomFile } from './dicom-file';
import { readDicomMeta } from './dicom-meta';
import type { DataSet } from './dicom-parser-module';
import { checkPixelModule, frameByteLength, readFirstFrame, readPixelModule, rescaledRange, type PixelModule } from './dicom-pixels';
import { ImageDecodeError } from './errors';
import { COLOUR_NOTICE, minMaxWindow } from './gray';
import { checkPixelBudget } from './pixel-budget';

/** Decodes an uncompressed DICOM image (first frame) to gray in modality units (after Rescale
 *  Slope/Intercept), with higher = brighter whatever the Photometric Interpretation. */
export function decodeDicom(bytes: Uint8Array): DecodedImage {
  const { dataSet: ds, transferSyntaxUID, littleEndian } = parseDicomFile(bytes);
  const meta = readDicomMeta(ds, transferSyntaxUID);
  const pixelElement = ds.elements[PIXEL_DATA_TAG];
  if (!pixelElement) {
    throw new ImageDecodeError(
      'no-pixel-data',
      ds.elements.x00280010
        ? 'This DICOM file describes an image but contains no pixel data; the file may be incomplete or the pixels may have been removed.'
        : 'This DICOM file has no pixel data (it may be a structured report or presentation state).',
    );
  }
  const pm = readPixelModule(ds);
  checkPixelBudget(pm.columns, pm.rows);
  checkPixelModule(pm);
  if (pixelElement.encapsulatedPixelData || pixelElement.hadUndefinedLength) {
    throw new ImageDecodeError('corrupt', 'This DICOM file says its pixels are uncompressed but stores them compressed; the file is damaged.');
  }
  const needed = frameByteLength(pm);
  if (pixelElement.length < needed) {
    throw new ImageDecodeError(
      'truncated',
      `The pixel data in this DICOM file is incomplete (${pixelElement.length} of ${needed} bytes for a ${pm.columns} × ${pm.rows} image); the file may have been cut off.`,
    );
  }

  const notices: string[] = [];
  const { gray, coloured } = readFirstFrame(ds, pixelElement, pm, littleEndian);
  if (coloured) notices.push(COLOUR_NOTICE);
  if (pm.numberOfFrames > 1) notices.push(`This DICOM file holds ${pm.numberOfFrames} frames; only the first is used.`);
  if (pm.samplesPerPixel === 1 && !pm.photometric) {
    notices.push('The DICOM file does not say whether white is bone or air (no Photometric Interpretation); assumed MONOCHROME2 (bone bright).');
  }
  const window = dicomWindow(ds, pm, gray);
  if (pm.samplesPerPixel === 1 && pm.photometric === 'MONOCHROME1') invertMonochrome1(gray, window, pm);

  return {
    format: 'dicom',
    width: pm.columns,
    height: pm.rows,
    data: gray,
    bitDepth: pm.bitsStored,
    window,
    meta,
    notices,
  };
}

/** Window Center/Width (first value when multi-valued) when usable, else the data's min–max. */
function dicomWindow(ds: DataSet, pm: PixelModule, gray: Float32Array) {
  const center = ds.elements.x00281050 ? ds.floatString('x00281050', 0) : undefined;
  const width = ds.elements.x00281051 ? ds.floatString('x00281051', 0) : undefined;
  if (pm.samplesPerPixel === 1 && center !== undefined && width !== undefined && Number.isFinite(center) && width > 0) {
    return { center, width };
  }
  return minMaxWindow(gray);
}

/** MONOCHROME1 stores bone dark. Mirror values inside the range the stored bits can take after the
 *  rescale, out = lo + hi − v, so bone is bright, values stay in the same units-range, and the window
 *  maps the same tissue: its center mirrors the same way (the width is unchanged). */
function invertMonochrome1(gray: Float32Array, window: { center: number; width: number }, pm: PixelModule): void {
  const [lo, hi] = rescaledRange(pm);
  const k = lo + hi;
  for (let i = 0; i < gray.length; i++) gray[i] = k - gray[i];
  window.center = k - window.center;
}
