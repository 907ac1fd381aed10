import { ModelLoadError } from './model-index';
import { toHex } from './verify-weights';

/** SHA-256 of every file under public/models/ when the page was built, keyed by its path below
 *  models/ (e.g. "bonet-rsna100/model.json"); written into the bundle by vite-plugin-model-pins.
 *  The card vouches for the weight shards, but nothing vouched for models/index.json, the card
 *  itself or model.json: a changed output scale or activation would load silently. With the
 *  build's list, the served model must be byte for byte the one the page was built with. */
declare const __BONEAGE_MODEL_PINS__: Record<string, string> | undefined;

/** The build's list; null where there is none (the dev server, Node tests). */
export function buildPins(): Record<string, string> | null {
  return typeof __BONEAGE_MODEL_PINS__ === 'undefined' ? null : __BONEAGE_MODEL_PINS__;
}

/** Path of a model file below models/, as the build names it. */
export function pinKey(url: URL): string | null {
  const at = url.pathname.lastIndexOf('/models/');
  return at < 0 ? null : decodeURIComponent(url.pathname.slice(at + '/models/'.length));
}

/** Reads the response and refuses it unless its SHA-256 is the build's; returns an equivalent,
 *  unread Response. Without a list (dev server) or without Web Crypto, the response passes as is
 *  (the page refuses the model later anyway where it cannot check the weights). */
export async function checkPinned(url: URL, response: Response, pins = buildPins()): Promise<Response> {
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle as SubtleCrypto | undefined;
  if (!pins || !subtle) return response;
  const key = pinKey(url);
  const want = key === null ? undefined : pins[key];
  if (!want) {
    throw new ModelLoadError(`The model file ${url.pathname} is not part of this build of the page, so it cannot be trusted; it was not loaded.`);
  }
  const bytes = await response.arrayBuffer();
  if (toHex(await subtle.digest('SHA-256', bytes)) !== want) {
    throw new ModelLoadError(
      `The model file ${key} differs from the one this page was built with (SHA-256 mismatch: corrupted, tampered with, or from another deploy); the model was not loaded.`,
    );
  }
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}
