import type { CornerstoneImage } from 'cornerstone-core';
import { knownSampleRange } from '../../core/pipeline/sample-range';
import type { DecodedImage } from '../../core/pipeline/types';

/**
 * A decoded image → a cornerstone grayscale image. cornerstone renders through a lookup table
 * indexed by stored value, so the stored data must be integers: integral data (PNG, JPEG, most
 * DICOM) is kept as-is in an Int16/Uint16 array with slope 1, intercept 0; anything else (fractional
 * rescale, wide ranges) is quantised to 16 bits with slope/intercept mapping back to source units,
 * so the decoder's window (in source units) means the same either way.
 */
export function toCornerstoneImage(decoded: DecodedImage, imageId: string): CornerstoneImage {
  const { data, width, height } = decoded;
  const known = knownSampleRange(data);
  let min = known?.min ?? Infinity;
  let max = known?.max ?? -Infinity;
  let integral = known?.integral ?? true;
  // One tight pass over what can be tens of megapixels, skipped when the decoder already said what the
  // samples are. `(v | 0) === v` is "integral" for the values that matter here (anything beyond ±2^31
  // is out of 16-bit range anyway); NaN fails it.
  for (let i = known ? data.length : 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if ((v | 0) !== v) integral = false;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 0;
    integral = false;
  }

  let pixels: Int16Array | Uint16Array | Uint8Array;
  let slope = 1;
  let intercept = 0;
  let storedMin: number;
  let storedMax: number;
  // TypedArray.set converts float to int natively, much faster than Int16Array.from on large images;
  // faster still is no conversion at all, when the decoder kept the integer samples.
  const samples = known?.samples ?? (data instanceof Uint8Array || data instanceof Uint16Array ? data : undefined);
  if (integral && samples && samples.length === data.length) {
    pixels = samples;
    [storedMin, storedMax] = [min + 0, max + 0];
  } else if (integral && min >= -32768 && max <= 32767) {
    pixels = new Int16Array(data.length);
    pixels.set(data);
    [storedMin, storedMax] = [min + 0, max + 0]; // + 0: no -0
  } else if (integral && min >= 0 && max <= 65535) {
    pixels = new Uint16Array(data.length);
    pixels.set(data);
    [storedMin, storedMax] = [min + 0, max + 0];
  } else {
    const range = max - min || 1;
    slope = range / 65535;
    intercept = min;
    pixels = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      pixels[i] = Number.isFinite(v) ? Math.round((v - min) / slope) : 0;
    }
    storedMin = Infinity;
    storedMax = -Infinity;
    for (let i = 0; i < pixels.length; i++) {
      if (pixels[i] < storedMin) storedMin = pixels[i];
      if (pixels[i] > storedMax) storedMax = pixels[i];
    }
  }
  if (pixels.length === 0) storedMin = storedMax = 0;

  const fallbackCenter = (min + max) / 2;
  const fallbackWidth = Math.max(1, max - min);
  const center = Number.isFinite(decoded.window?.center) ? decoded.window.center : fallbackCenter;
  const widthW = Number.isFinite(decoded.window?.width) && decoded.window.width > 0 ? decoded.window.width : fallbackWidth;

  return {
    imageId,
    minPixelValue: storedMin,
    maxPixelValue: storedMax,
    slope,
    intercept,
    windowCenter: center,
    windowWidth: widthW,
    getPixelData: () => pixels,
    rows: height,
    columns: width,
    height,
    width,
    color: false,
    rgba: false,
    invert: false,
    columnPixelSpacing: 1,
    rowPixelSpacing: 1,
    sizeInBytes: pixels.byteLength,
  };
}
