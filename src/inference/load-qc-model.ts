import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { QC_CLASSES } from '../../core/qc/classes';
import { QcModel, type QcCard } from '../../core/qc/qc-model';
import { withZeroInitializers } from '../../core/model/zero-initializers';
import { checkWeightListing, integrityFailureMessage, toHex, verifyWeights, type MeasuredWeight } from './verify-weights';

/** Where the QC classifier lives, relative to the page. */
export const QC_MODEL_PATH = 'models/qc-hand/';

async function fetchOk(url: URL, what: string): Promise<Response> {
  const response = await fetch(url.href);
  if (!response.ok) throw new Error(`could not load the ${what} (${url.pathname}): HTTP ${response.status}`);
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) throw new Error(`the ${what} (${url.pathname}) is not on the server`);
  return response;
}

/** The QC card's fields that inference relies on. */
export function parseQcCard(json: unknown): QcCard & { weights: unknown } {
  const c = json as Partial<QcCard & { weights: unknown }> | null;
  const ok = c && typeof c === 'object' && typeof c.name === 'string' && Array.isArray(c.classes)
    && c.classes.join() === QC_CLASSES.join() && c.input && c.input.width > 0 && Number.isFinite(c.okThreshold);
  if (!ok) throw new Error(`the QC model card does not describe the classes ${QC_CLASSES.join(', ')} with an input size and an okThreshold`);
  return c as QcCard & { weights: unknown };
}

/** Loads the QC classifier the same way as the age model: every shard's size and SHA-256 checked
 *  against its card before the network is built. Throws an Error with a readable message. */
export async function loadQcModel(pageBase: string): Promise<QcModel> {
  const dir = new URL(QC_MODEL_PATH, pageBase);
  const card = parseQcCard(await (await fetchOk(new URL('model-card.json', dir), 'QC model card')).json());
  const modelUrl = new URL('model.json', dir);
  const modelJson = await (await fetchOk(modelUrl, 'QC network file')).json();
  const manifest: tf.io.WeightsManifestConfig = modelJson.weightsManifest;
  const paths = manifest.flatMap((g) => g.paths);
  const listing = checkWeightListing(paths, card.weights);
  if (listing.length) throw new Error(integrityFailureMessage(card.name, listing));
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle) throw new Error('the page is not in a secure context, so the QC weights cannot be checked');
  const shards: ArrayBuffer[] = [];
  const measured: MeasuredWeight[] = [];
  for (const path of paths) {
    const data = await (await fetchOk(new URL(path, modelUrl), `QC weight file ${path}`)).arrayBuffer();
    shards.push(data);
    measured.push({ path, bytes: data.byteLength, sha256: toHex(await subtle.digest('SHA-256', data)) });
  }
  const problems = verifyWeights(paths, card.weights, measured);
  if (problems.length) throw new Error(integrityFailureMessage(card.name, problems));
  const net = await tfl.loadLayersModel(
    tf.io.fromMemory({ modelTopology: withZeroInitializers(modelJson.modelTopology), weightSpecs: manifest.flatMap((g) => g.weights), weightData: tf.io.concatenateArrayBuffers(shards) }),
  );
  return new QcModel(net, card);
}
