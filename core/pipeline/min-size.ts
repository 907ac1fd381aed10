import type { DecodedImage } from './types';
import { ImageDecodeError } from './decode/errors';

/** Smallest image side the page will estimate from. The model reads a 100 × 100 resampling (the
 *  RSNA thumbnails are exactly that); below 64 pixels a side no bone detail survives, so an
 *  estimate would be a number about nothing. Decoders still decode such images (tests use 2 × 3). */
export const MIN_SIDE = 64;

export function checkMinimumSize(image: Pick<DecodedImage, 'width' | 'height'>, minSide = MIN_SIDE): void {
  if (image.width < minSide || image.height < minSide) {
    throw new ImageDecodeError(
      'too-small',
      `The image is too small to estimate a bone age from (${image.width} × ${image.height} pixels; at least ${minSide} × ${minSide} is needed).`,
    );
  }
}
