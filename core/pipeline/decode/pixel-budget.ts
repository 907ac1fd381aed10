import { ImageDecodeError } from './errors';

/** Largest image (width × height) we agree to decode: 50 megapixels. Hand and wrist radiographs are
 *  at most ~4k × 5k (20 MP); beyond this the browser tab would need gigabytes (float copies, RGBA
 *  buffers), so decoders check the header dimensions against it BEFORE decoding any pixel data. */
export const MAX_PIXELS = 50_000_000;

/** Throws unless width × height is a plausible, decodable size. Call with header dimensions. */
export function checkPixelBudget(width: number, height: number, maxPixels = MAX_PIXELS): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageDecodeError(
      'corrupt',
      `The image header gives an impossible size (${width} × ${height} pixels); the file is damaged.`,
    );
  }
  if (width * height > maxPixels) {
    const mp = ((width * height) / 1e6).toFixed(1);
    throw new ImageDecodeError(
      'too-large',
      `The image is too large to open (${width} × ${height} pixels, ${mp} megapixels); ` +
        `the limit is ${maxPixels / 1e6} megapixels. Please export a smaller image.`,
    );
  }
}
