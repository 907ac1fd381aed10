import * as jpegNamespace from 'jpeg-js';
import type { DecodedImage } from '../types';
import { ImageDecodeError } from './errors';
import { COLOUR_NOTICE, interleavedToGray, minMaxWindow } from './gray';
import { readJpegHeader } from './jpeg-header';
import { MAX_PIXELS } from './pixel-budget';

type JpegJs = typeof jpegNamespace;
// jpeg-js is CommonJS: depending on the loader (Node ESM, vite, vitest) its functions sit on the
// namespace or on its `default`.
const jpegModule = jpegNamespace as JpegJs & { default?: JpegJs };
const jpeg: JpegJs = typeof jpegModule.decode === 'function' ? jpegModule : jpegModule.default!;

/** jpeg-js keeps 4-byte coefficients per sample per component plus line buffers and the RGBA
 *  output: ~24 bytes a pixel for colour, so this lets any image within MAX_PIXELS through. */
const MAX_MEMORY_MB = Math.ceil((MAX_PIXELS * 24) / 2 ** 20);

/** Decodes a baseline/progressive 8-bit JPEG to gray 0–255 (luminance of the decoded RGB). */
export function decodeJpeg(bytes: Uint8Array): DecodedImage {
  const header = readJpegHeader(bytes);
  let rgba: { width: number; height: number; data: Uint8Array };
  try {
    rgba = jpeg.decode(bytes, {
      useTArray: true, // plain Uint8Array, no Node Buffer (runs in the browser)
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PIXELS / 1e6,
      maxMemoryUsageInMB: MAX_MEMORY_MB,
    });
  } catch (thrown) {
    throw new ImageDecodeError(
      'corrupt',
      'This JPEG file is damaged and its pixels could not be decoded.',
      { cause: thrown },
    );
  }
  const { width, height } = rgba;
  const { gray, coloured } = interleavedToGray({ data: rgba.data, channels: 4, pixelCount: width * height, opaqueAlpha: 255 });
  return {
    format: 'jpeg',
    width,
    height,
    data: gray,
    bitDepth: header.precision,
    window: minMaxWindow(gray),
    meta: { width, height, bitDepth: header.precision, components: header.components },
    notices: coloured ? [COLOUR_NOTICE] : [],
  };
}
