import type { DecodedImage, PixelArray } from '../types';
import { decodeCompressedFirstFrame, pixelModuleAfterCodec } from './dicom-compressed';
import { PIXEL_DATA_TAG, parseDicomFile } from './dicom-file';
import { readDicomMeta } from './dicom-meta';
import type { DataSet, Element } from './dicom-parser-module';
import { checkPixelModule, frameByteLength, readFirstFrame, readPixelModule, rescaledRange, type PixelModule } from './dicom-pixels';
import { checkIsImageObject, modalityNotice } from './dicom-sop-class';
import { readPixelSpacing } from './dicom-spacing';
import { dicomWindow } from './dicom-window';
import { ImageDecodeError } from './errors';
import { COLOUR_NOTICE } from './gray';
import { checkPixelBudget } from './pixel-budget';

/** Decodes a DICOM image (first frame) to gray in modality units (after Rescale Slope/Intercept),
 *  with higher = brighter whatever the Photometric Interpretation. Compressed syntaxes that need
 *  a WebAssembly codec require it loaded first (decodeImage does that; see prepareDecoders). */
export function decodeDicom(bytes: Uint8Array): DecodedImage {
  const { dataSet: ds, transferSyntaxUID, syntax, littleEndian } = parseDicomFile(bytes);
  const meta = readDicomMeta(ds, transferSyntaxUID);
  checkIsImageObject(ds);
  const pixelElement = ds.elements[PIXEL_DATA_TAG];
  if (!pixelElement) {
    throw new ImageDecodeError(
      'no-pixel-data',
      ds.elements.x00280010
        ? 'This DICOM file describes an image but contains no pixel data; the file may be incomplete or the pixels may have been removed.'
        : 'This DICOM file has no pixel data (it may be a structured report or presentation state).',
    );
  }
  const headerPm = readPixelModule(ds);
  checkPixelBudget(headerPm.columns, headerPm.rows);
  const { gray, coloured, pm } =
    syntax.encoding === 'native' ? readNative(ds, pixelElement, headerPm, littleEndian) : readCompressed(ds, pixelElement, headerPm, syntax);

  const notices: string[] = [];
  if (coloured) notices.push(COLOUR_NOTICE);
  if (pm.numberOfFrames > 1) notices.push(`This DICOM file holds ${pm.numberOfFrames} frames; only the first is used.`);
  if (pm.samplesPerPixel === 1 && !pm.photometric) {
    notices.push('The DICOM file does not say whether white is bone or air (no Photometric Interpretation); assumed MONOCHROME2 (bone bright).');
  }
  const modality = modalityNotice(ds);
  if (modality) notices.push(modality);
  const { source: windowSource, ...window } = dicomWindow(ds, pm, gray);
  if (pm.samplesPerPixel === 1 && pm.photometric === 'MONOCHROME1') invertMonochrome1(gray, window, pm);

  const image: DecodedImage = {
    format: 'dicom',
    width: pm.columns,
    height: pm.rows,
    data: gray,
    bitDepth: pm.bitsStored,
    window,
    windowSource,
    meta,
    notices,
  };
  const spacing = readPixelSpacing(ds);
  if (spacing) image.pixelSpacing = spacing;
  return image;
}

function readNative(ds: DataSet, pixelElement: Element, pm: PixelModule, littleEndian: boolean) {
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
  const frame = ds.byteArray.subarray(pixelElement.dataOffset, pixelElement.dataOffset + needed);
  // Big-endian OW data is byte-swapped in 16-bit words even when samples are 8-bit.
  const owSwap = !littleEndian && pm.bitsAllocated === 8 && pixelElement.vr === 'OW';
  return { ...readFirstFrame(frame, pm, littleEndian, owSwap), pm };
}

function readCompressed(ds: DataSet, pixelElement: Element, headerPm: PixelModule, syntax: Parameters<typeof pixelModuleAfterCodec>[1]) {
  const codecPm = pixelModuleAfterCodec(headerPm, syntax);
  checkPixelModule(codecPm);
  const { frame, pm } = decodeCompressedFirstFrame(ds, pixelElement, codecPm, syntax);
  return { ...readFirstFrame(frame, pm, true), pm };
}

/** MONOCHROME1 stores bone dark. Mirror values inside the range the stored bits can take after the
 *  rescale, out = lo + hi − v, so bone is bright, values stay in the same units-range (so an integer
 *  array still holds them), and the window maps the same tissue: its center mirrors the same way (the
 *  width is unchanged). */
function invertMonochrome1(gray: PixelArray, window: { center: number; width: number }, pm: PixelModule): void {
  const [lo, hi] = rescaledRange(pm);
  const k = lo + hi;
  for (let i = 0; i < gray.length; i++) gray[i] = k - gray[i];
  window.center = k - window.center;
}
