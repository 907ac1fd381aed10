import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
// Always through core/model: importing it registers the custom SpatialTransformer layer.
import { BoneAgeModel } from '../../core/model';
import type { ModelCard } from '../../core/model/types';
import { ModelLoadError, parseModelCard, parseModelIndex, pickModel } from './model-index';
import { checkPinned } from './pinned-files';
import { withZeroInitializers } from '../../core/model/zero-initializers';
import { checkWeightListing, insecureOriginMessage, integrityFailureMessage, normaliseWeightPath, prefetchableShards, toHex, verifyWeights, type MeasuredWeight } from './verify-weights';

/** Fetches `url`; refuses errors and the HTML page that dev servers and SPA hosts send for missing files. */
async function fetchOk(url: URL, what: string, pinned = true): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url.href);
  } catch (error) {
    throw new ModelLoadError(`Could not fetch the ${what} (${url.pathname}): ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  if (!response.ok) throw new ModelLoadError(`Could not load the ${what} (${url.pathname}): HTTP ${response.status}.`);
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) {
    throw new ModelLoadError(`Could not load the ${what} (${url.pathname}): it is not on the server (a web page came back instead).`);
  }
  // Byte for byte the model files the page was built with. Weight shards are left to the card's
  // SHA-256 check below (the card itself is pinned), whose message names the shard.
  return pinned ? checkPinned(url, response) : response;
}

export async function fetchJson(url: URL, what: string): Promise<unknown> {
  const response = await fetchOk(url, what);
  try {
    return await response.json();
  } catch (error) {
    throw new ModelLoadError(`The ${what} (${url.pathname}) is not valid JSON.`, { cause: error });
  }
}

interface ModelJson {
  modelTopology: object;
  weightsManifest: tf.io.WeightsManifestConfig;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: tf.io.TrainingConfig;
  userDefinedMetadata?: object;
}

function networkError(card: Pick<ModelCard, 'name'>, reason: string, cause?: unknown): ModelLoadError {
  return new ModelLoadError(`Could not load the network of model "${card.name}": ${reason.replace(/\.$/, '')}.`, { cause });
}

/** model.json, parsed and checked for the parts the page relies on. `pending`: its download, when already
 *  started (fetchJson of `url`). */
async function fetchModelJson(card: Pick<ModelCard, 'name'>, url: URL, pending?: Promise<unknown>): Promise<ModelJson> {
  let json: unknown;
  try {
    json = await (pending ?? fetchJson(url, 'network file'));
  } catch (error) {
    throw networkError(card, error instanceof Error ? error.message : String(error), error);
  }
  const m = json as Partial<ModelJson> | null;
  if (!m || typeof m !== 'object' || !m.modelTopology || typeof m.modelTopology !== 'object') {
    throw networkError(card, `${url.pathname} has no model topology`);
  }
  const manifest = m.weightsManifest;
  if (!Array.isArray(manifest) || manifest.some((g) => !g || !Array.isArray(g.paths) || !Array.isArray(g.weights) || g.paths.some((p) => typeof p !== 'string'))) {
    throw networkError(card, `${url.pathname} has no valid weights manifest`);
  }
  return m as ModelJson;
}

/** models/index.json (relative to the page) → the chosen model's card and network → a BoneAgeModel.
 *  Every weight shard is downloaded here and checked against the card (byte count and SHA-256)
 *  before the network is built from memory; a model that fails the check is refused. */
export async function loadBoneAgeModel(pageBase: string, wanted: string | null): Promise<BoneAgeModel> {
  return buildBoneAgeModel(await fetchVerifiedModel(pageBase, wanted));
}

/** A model downloaded and checked against its card, not yet built (that needs the TensorFlow.js backend). */
export interface VerifiedModel {
  card: ModelCard;
  modelJson: ModelJson;
  shards: ArrayBuffer[];
}

/** The download-and-check half of loadBoneAgeModel. Needs no backend, so the page runs it while the
 *  backend starts. */
export async function fetchVerifiedModel(pageBase: string, wanted: string | null): Promise<VerifiedModel> {
  const indexUrl = new URL('models/index.json', pageBase);
  const entry = pickModel(parseModelIndex(await fetchJson(indexUrl, 'model list')), wanted);
  const dir = new URL(entry.path.endsWith('/') ? entry.path : `${entry.path}/`, indexUrl);
  const cardUrl = new URL('model-card.json', dir);
  // The card and model.json are asked for together: one round trip fewer before the weights.
  const modelJson = fetchJson(new URL('model.json', dir), 'network file');
  modelJson.catch(() => undefined); // reported by fetchVerifiedNetwork, unless the card fails first
  const card = parseModelCard(await fetchJson(cardUrl, 'model card'), cardUrl.pathname);
  return { card, ...(await fetchVerifiedNetwork(card, dir, pageBase, modelJson)) };
}

/** The build half: the checked weights in memory → the network on the current backend. */
export async function buildBoneAgeModel(verified: VerifiedModel): Promise<BoneAgeModel> {
  return new BoneAgeModel(await buildNetwork(verified.card, verified), verified.card);
}

/** A model folder's network, every weight shard checked against `card.weights` (byte count and SHA-256)
 *  before the network is built from memory. Shared by the age model and the TW-region localiser. */
export async function loadVerifiedNetwork(card: Pick<ModelCard, 'name'> & { weights?: unknown }, dir: URL, pageBase: string): Promise<tfl.LayersModel> {
  return buildNetwork(card, await fetchVerifiedNetwork(card, dir, pageBase));
}

/** Downloads a model folder's model.json and weight shards and checks every shard against the card.
 *  `pendingModelJson`: model.json's download, when the caller has already started it. */
async function fetchVerifiedNetwork(card: Pick<ModelCard, 'name'> & { weights?: unknown }, dir: URL, pageBase: string, pendingModelJson?: Promise<unknown>): Promise<Omit<VerifiedModel, 'card'>> {
  // Web Crypto exists only in secure contexts (https, localhost); without it nothing can be checked.
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle as SubtleCrypto | undefined;
  if (!subtle) throw new ModelLoadError(insecureOriginMessage(card.name, globalThis.location?.origin ?? new URL(pageBase).origin));

  const modelUrl = new URL('model.json', dir);
  // The shards the card lists are downloaded while model.json arrives (nothing the card does not vouch
  // for); model.json must then list exactly them, or nothing is built.
  const downloads = new Map<string, Promise<ArrayBuffer>>();
  const download = (path: string) => {
    let pending = downloads.get(path);
    if (!pending) {
      pending = downloadShard(card, new URL(path, modelUrl), path);
      pending.catch(() => undefined); // awaited below, or not needed once the listing is refused
      downloads.set(path, pending);
    }
    return pending;
  };
  for (const path of prefetchableShards(card.weights)) download(path);

  const modelJson = await fetchModelJson(card, modelUrl, pendingModelJson);
  // Shards in the order tfjs expects the weight data: group by group, path by path.
  const shardPaths = modelJson.weightsManifest.flatMap((group) => group.paths);
  const cardWeights: unknown = card.weights;

  // Refuse before downloading anything the card does not vouch for.
  const listing = checkWeightListing(shardPaths, cardWeights);
  if (listing.length > 0) throw new ModelLoadError(integrityFailureMessage(card.name, listing));

  const shards: ArrayBuffer[] = [];
  const measured: MeasuredWeight[] = [];
  for (const path of shardPaths) {
    const data = await download(normaliseWeightPath(path));
    shards.push(data);
    measured.push({ path, bytes: data.byteLength, sha256: toHex(await subtle.digest('SHA-256', data)) });
  }
  const problems = verifyWeights(shardPaths, cardWeights, measured);
  if (problems.length > 0) throw new ModelLoadError(integrityFailureMessage(card.name, problems));
  return { modelJson, shards };
}

/** One weight shard's bytes. */
async function downloadShard(card: Pick<ModelCard, 'name'>, url: URL, path: string): Promise<ArrayBuffer> {
  const response = await fetchOk(url, `weight file ${path} of model "${card.name}"`, false);
  try {
    return await response.arrayBuffer();
  } catch (error) {
    throw new ModelLoadError(`Could not download the weight file ${path} of model "${card.name}" (${url.pathname}): ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
}

/** The checked weights in memory → the network on the current backend. */
async function buildNetwork(card: Pick<ModelCard, 'name'>, { modelJson, shards }: Omit<VerifiedModel, 'card'>): Promise<tfl.LayersModel> {
  let net: tfl.LayersModel;
  try {
    net = await tfl.loadLayersModel(
      tf.io.fromMemory({
        // The loaded weights replace every initial value: spare the random draws (zero-initializers.ts).
        modelTopology: withZeroInitializers(modelJson.modelTopology),
        weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
        weightData: tf.io.concatenateArrayBuffers(shards),
        format: modelJson.format,
        generatedBy: modelJson.generatedBy,
        convertedBy: modelJson.convertedBy ?? undefined,
        trainingConfig: modelJson.trainingConfig,
        userDefinedMetadata: modelJson.userDefinedMetadata,
      }),
    );
  } catch (error) {
    throw networkError(card, error instanceof Error ? error.message : String(error), error);
  }
  return net;
}

/** One dummy inference so shaders/kernels are compiled before the first real case. */
export async function warmUp(model: BoneAgeModel): Promise<void> {
  const { width, height } = model.card.input;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (x + y) % 17;
  await model.estimate({ width, height, data });
}
