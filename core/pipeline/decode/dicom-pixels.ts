import type { PixelArray } from '../types';
import type { DataSet } from './dicom-parser-module';
import { ImageDecodeError } from './errors';
import { luminance } from './gray';

/** The Image Pixel module attributes (PS3.3 C.7.6.3) plus the modality rescale. */
export interface PixelModule {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  photometric: string;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  /** 0 unsigned, 1 two's complement. */
  pixelRepresentation: number;
  /** 0 interleaved (RGBRGB...), 1 planar (RRR...GGG...BBB...). */
  planarConfiguration: number;
  numberOfFrames: number;
  rescaleSlope: number;
  rescaleIntercept: number;
}

const unsupported = (what: string) =>
  new ImageDecodeError('unsupported', `This DICOM image uses ${what}, which is not supported.`);

export function readPixelModule(ds: DataSet): PixelModule {
  const rows = ds.uint16('x00280010');
  const columns = ds.uint16('x00280011');
  if (!rows || !columns) {
    throw new ImageDecodeError('corrupt', 'This DICOM file does not give the image size (Rows/Columns are missing); the file is damaged.');
  }
  const bitsAllocated = ds.uint16('x00280100') ?? 16;
  const bitsStored = ds.uint16('x00280101') ?? bitsAllocated;
  const slope = ds.floatString('x00281053');
  const intercept = ds.floatString('x00281052');
  return {
    rows,
    columns,
    samplesPerPixel: ds.uint16('x00280002') ?? 1,
    photometric: (ds.string('x00280004') ?? '').trim().toUpperCase(),
    bitsAllocated,
    bitsStored,
    highBit: ds.uint16('x00280102') ?? bitsStored - 1,
    pixelRepresentation: ds.uint16('x00280103') ?? 0,
    planarConfiguration: ds.uint16('x00280006') ?? 0,
    numberOfFrames: Math.max(1, ds.intString('x00280008') ?? 1),
    // A zero or unparsable slope would flatten the image: treat it as absent.
    rescaleSlope: slope !== undefined && Number.isFinite(slope) && slope !== 0 ? slope : 1,
    rescaleIntercept: intercept !== undefined && Number.isFinite(intercept) ? intercept : 0,
  };
}

/** Refuses pixel layouts the reader below does not handle. */
export function checkPixelModule(pm: PixelModule): void {
  if (pm.bitsAllocated !== 8 && pm.bitsAllocated !== 16) throw unsupported(`${pm.bitsAllocated}-bit pixel storage`);
  if (pm.bitsStored < 1 || pm.bitsStored > pm.bitsAllocated || pm.highBit < pm.bitsStored - 1 || pm.highBit >= pm.bitsAllocated) {
    throw new ImageDecodeError(
      'corrupt',
      `This DICOM file has inconsistent bit layout (Bits Allocated ${pm.bitsAllocated}, Bits Stored ${pm.bitsStored}, High Bit ${pm.highBit}); the file is damaged.`,
    );
  }
  if (pm.samplesPerPixel === 3) {
    if (pm.photometric !== 'RGB' && pm.photometric !== 'YBR_FULL') {
      throw unsupported(`the ${pm.photometric || 'unspecified'} colour encoding`);
    }
  } else if (pm.samplesPerPixel !== 1) {
    throw unsupported(`${pm.samplesPerPixel} samples per pixel`);
  } else if (pm.photometric === 'PALETTE COLOR') {
    throw unsupported('palette colour');
  }
}

export function frameByteLength(pm: PixelModule): number {
  return pm.rows * pm.columns * pm.samplesPerPixel * (pm.bitsAllocated / 8);
}

/** Range a stored value can take after the modality rescale: [lo, hi]. */
export function rescaledRange(pm: PixelModule): [number, number] {
  const signed = pm.pixelRepresentation === 1;
  const storedMin = signed ? -(2 ** (pm.bitsStored - 1)) : 0;
  const storedMax = signed ? 2 ** (pm.bitsStored - 1) - 1 : 2 ** pm.bitsStored - 1;
  const a = storedMin * pm.rescaleSlope + pm.rescaleIntercept;
  const b = storedMax * pm.rescaleSlope + pm.rescaleIntercept;
  return [Math.min(a, b), Math.max(a, b)];
}

/** The integer array that holds every gray value a frame can take after the rescale, when one does
 *  (unsigned samples, slope 1, whole non-negative intercept: most radiographs); else null (floats). */
export function integerArrayFor(pm: PixelModule): typeof Uint8Array | typeof Uint16Array | null {
  if (pm.samplesPerPixel !== 1 || pm.pixelRepresentation === 1 || pm.rescaleSlope !== 1 || !Number.isInteger(pm.rescaleIntercept)) return null;
  const [lo, hi] = rescaledRange(pm);
  if (lo < 0) return null;
  return hi <= 255 ? Uint8Array : hi <= 65535 ? Uint16Array : null;
}

/** Reads one native (uncompressed) frame as one gray value per pixel: stored bits masked to Bits
 *  Stored, sign-extended if signed, then Rescale Slope/Intercept applied (colour → luminance, no
 *  rescale). `owSwap`: 8-bit samples in a big-endian OW element, byte-swapped in 16-bit words.
 *  `coloured` says whether a colour frame had any non-gray pixel. Gray values stay integers when
 *  integerArrayFor says they can (a float copy is twice to four times their size). */
export function readFirstFrame(
  frame: Uint8Array,
  pm: PixelModule,
  littleEndian: boolean,
  owSwap = false,
): { gray: PixelArray; coloured: boolean } {
  const view = new DataView(frame.buffer, frame.byteOffset, frameByteLength(pm));
  const swap8 = owSwap ? 1 : 0;
  const shift = pm.highBit + 1 - pm.bitsStored;
  const mask = 2 ** pm.bitsStored - 1;
  const signBit = pm.pixelRepresentation === 1 ? 2 ** (pm.bitsStored - 1) : 0;
  const sample = (k: number): number => {
    const raw = pm.bitsAllocated === 8 ? view.getUint8(k ^ swap8) : view.getUint16(2 * k, littleEndian);
    const v = (raw >>> shift) & mask;
    return signBit && v & signBit ? v - 2 * signBit : v;
  };

  const pixelCount = pm.rows * pm.columns;
  const gray = new (integerArrayFor(pm) ?? Float32Array)(pixelCount);
  if (pm.samplesPerPixel === 1) {
    // Hot path for the usual case (one gray sample a pixel): plain loops, no per-sample closure.
    const { rescaleSlope: m, rescaleIntercept: b } = pm;
    const sixteen = pm.bitsAllocated === 16;
    for (let i = 0; i < pixelCount; i++) {
      const raw = sixteen ? view.getUint16(2 * i, littleEndian) : view.getUint8(i ^ swap8);
      let v = (raw >>> shift) & mask;
      if (v & signBit) v -= 2 * signBit;
      gray[i] = v * m + b;
    }
    return { gray, coloured: false };
  }
  const planar = pm.planarConfiguration === 1;
  const ybr = pm.photometric === 'YBR_FULL';
  const chromaZero = 2 ** (pm.bitsStored - 1);
  let coloured = false;
  for (let i = 0; i < pixelCount; i++) {
    const c0 = planar ? sample(i) : sample(3 * i);
    const c1 = planar ? sample(pixelCount + i) : sample(3 * i + 1);
    const c2 = planar ? sample(2 * pixelCount + i) : sample(3 * i + 2);
    if (ybr) {
      // YBR_FULL already carries luma in its first component; gray pixels have neutral chroma.
      gray[i] = c0;
      if (c1 !== chromaZero || c2 !== chromaZero) coloured = true;
    } else {
      gray[i] = luminance(c0, c1, c2);
      if (c0 !== c1 || c1 !== c2) coloured = true;
    }
  }
  return { gray, coloured };
}
