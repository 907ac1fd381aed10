import type { DecodedImage } from '../types';
import { decodeImage } from './decode-image';
import { decodePngFast } from './decode-png-fast';
import { sniffFormat } from './sniff';

/** decodeImage, with the native-zlib fast path for gray PNGs (decode-png-fast.ts). Same result, same
 *  errors: anything the fast path does not take, or cannot read, goes through decodeImage. */
export async function decodeImageAsync(bytes: Uint8Array, fileName?: string): Promise<DecodedImage> {
  if (bytes.length > 0 && sniffFormat(bytes, fileName).kind === 'png') {
    const fast = await decodePngFast(bytes).catch(() => null);
    if (fast) return fast;
  }
  return decodeImage(bytes, fileName);
}
