import cornerstone from 'cornerstone-core';
import type { DecodedImage } from '../../core/pipeline/types';
import { toCornerstoneImage } from './to-cornerstone-image';

/** cornerstone image loader for decoded files: imageIds `boneage:<n>` name images held here. */
export const SCHEME = 'boneage';

const images = new Map<string, DecodedImage>();
let registered = false;
let counter = 0;

export function registerBoneAgeLoader(): void {
  if (registered) return;
  registered = true;
  cornerstone.registerImageLoader(SCHEME, (imageId: string) => {
    const decoded = images.get(imageId);
    return {
      promise: decoded
        ? Promise.resolve(toCornerstoneImage(decoded, imageId))
        : Promise.reject(new Error(`No decoded image for ${imageId}.`)),
    };
  });
}

/** Holds `decoded` under a fresh imageId. Only the latest few are kept (the page shows one at a time). */
export function putDecodedImage(decoded: DecodedImage): string {
  const imageId = `${SCHEME}:${++counter}`;
  images.set(imageId, decoded);
  while (images.size > 2) images.delete(images.keys().next().value as string);
  return imageId;
}
