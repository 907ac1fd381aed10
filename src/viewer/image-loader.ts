import cornerstone from 'cornerstone-core';
import type { DecodedImage } from '../../core/pipeline/types';
import { toCornerstoneImage } from './to-cornerstone-image';

/** cornerstone image loader for decoded files: imageId `boneage:<case seq>` names one worklist case. */
export const SCHEME = 'boneage';

/** How many decoded images are kept in memory: the one on screen and the one being estimated. A case
 *  whose pixels were dropped is decoded again from its file when it is shown again. */
export const HELD_IMAGES = 2;

type Source = () => Promise<DecodedImage>;

const held = new Map<string, DecodedImage>(); // insertion order = least recently used first
const sources = new Map<string, Source>();
let registered = false;

export function imageIdFor(seq: number): string {
  return `${SCHEME}:${seq}`;
}

export function registerBoneAgeLoader(): void {
  if (registered) return;
  registered = true;
  cornerstone.registerImageLoader(SCHEME, (imageId: string) => ({
    promise: decodedImage(imageId).then((decoded) => toCornerstoneImage(decoded, imageId)),
  }));
}

/** The decoded pixels of `imageId`: held ones, else decoded again from the case's file. */
export async function decodedImage(imageId: string): Promise<DecodedImage> {
  const kept = held.get(imageId);
  if (kept) {
    held.delete(imageId); // refresh its place in the LRU order
    held.set(imageId, kept);
    return kept;
  }
  const source = sources.get(imageId);
  if (!source) throw new Error(`No image for ${imageId}.`);
  const decoded = await source();
  if (sources.has(imageId)) holdDecodedImage(imageId, decoded);
  return decoded;
}

/** Registers where a case's pixels come from (its File) and keeps `decoded` while it is recent. */
export function putDecodedImage(imageId: string, decoded: DecodedImage, source: Source): void {
  sources.set(imageId, source);
  holdDecodedImage(imageId, decoded);
}

function holdDecodedImage(imageId: string, decoded: DecodedImage): void {
  held.delete(imageId);
  held.set(imageId, decoded);
  while (held.size > HELD_IMAGES) held.delete(held.keys().next().value as string);
}

/** Forgets a case's pixels and its source (the worklist was cleared). */
export function forgetImage(imageId: string): void {
  held.delete(imageId);
  sources.delete(imageId);
}

/** For tests and the memory check: how many decoded images are held, and how many cases can be re-read. */
export function loaderCounts(): { held: number; sources: number } {
  return { held: held.size, sources: sources.size };
}
