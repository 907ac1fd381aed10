/** A single-channel image in float, row-major. Higher values are brighter (more attenuation),
 *  whatever the source encoding was (MONOCHROME1 is inverted on decode). */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** The numeric arrays an image's samples may come in. Decoders keep 8- and 16-bit integer samples as
 *  they are (no float copy four times their size); everything computed from them is float. */
export type PixelArray = Float32Array | Uint16Array | Uint8Array;

/** A single-channel image as decoded: like GrayImage, but its samples may be integers. */
export interface SampledImage {
  width: number;
  height: number;
  data: PixelArray;
}

export type ImageFormat = 'png' | 'jpeg' | 'dicom';

/** What a decoder hands back: the pixels plus what the reader should know about the file. */
export interface DecodedImage extends SampledImage {
  format: ImageFormat;
  /** Bits per sample of the source (8, 12, 16...). */
  bitDepth: number;
  /** Suggested display window in the units of `data` (DICOM Window Center/Width, else min–max). */
  window: { center: number; width: number };
  /** Where `window` came from (DICOM only): the file's Window Center/Width, its VOI LUT, or the data. */
  windowSource?: WindowSource;
  /** Source metadata worth showing or using (DICOM tags by keyword, PNG/JPEG basics). */
  meta: Record<string, string | number | undefined>;
  /** Things the reader should be told (e.g. "colour image converted to grayscale"). */
  notices: string[];
  /** Physical pixel size, when a DICOM file gives one. */
  pixelSpacing?: PixelSpacing;
}

export type WindowSource = 'window-center-width' | 'voi-lut' | 'data-range';

/** Millimetres per pixel between rows and between columns, and the DICOM attribute that said so
 *  (PixelSpacing: in the patient; ImagerPixelSpacing: at the detector, magnification included). */
export interface PixelSpacing {
  rowMm: number;
  columnMm: number;
  source: 'PixelSpacing' | 'ImagerPixelSpacing';
}

/** How a model wants its input prepared. Stored in the model card; drives the page and training alike. */
export interface InputSpec {
  width: number;
  height: number;
  channels: 1;
  /** `nearest-floor-center`: src = floor((dst + 0.5) * srcSize / dstSize), aspect ratio ignored —
   *  the sampling the RSNA thumbnails were made with (Pillow's NEAREST).
   *  `area-average`: the mean of each destination cell's source pixels (core/pipeline/resample-area.ts),
   *  aspect ratio ignored; identical to the former on inputs already at the model's size. */
  resample: 'nearest-floor-center' | 'area-average';
  /** `per-image-zscore`: subtract the image's mean, divide by its standard deviation. */
  normalise: 'per-image-zscore';
}
