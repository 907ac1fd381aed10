import * as tfl from '@tensorflow/tfjs-layers';
// Always through core/model: importing it registers the custom SpatialTransformer layer.
import { BoneAgeModel } from '../../core/model';
import { ModelLoadError, parseModelCard, parseModelIndex, pickModel } from './model-index';

async function fetchJson(url: URL, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url.href);
  } catch (error) {
    throw new ModelLoadError(`Could not fetch the ${what} (${url.pathname}): ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  if (!response.ok) throw new ModelLoadError(`Could not load the ${what} (${url.pathname}): HTTP ${response.status}.`);
  // Dev servers and SPA hosts answer a missing file with the page itself.
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) {
    throw new ModelLoadError(`Could not load the ${what} (${url.pathname}): it is not on the server (a web page came back instead).`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new ModelLoadError(`The ${what} (${url.pathname}) is not valid JSON.`, { cause: error });
  }
}

/** models/index.json (relative to the page) → the chosen model's card and network → a BoneAgeModel. */
export async function loadBoneAgeModel(pageBase: string, wanted: string | null): Promise<BoneAgeModel> {
  const indexUrl = new URL('models/index.json', pageBase);
  const entry = pickModel(parseModelIndex(await fetchJson(indexUrl, 'model list')), wanted);
  const dir = new URL(entry.path.endsWith('/') ? entry.path : `${entry.path}/`, indexUrl);
  const cardUrl = new URL('model-card.json', dir);
  const card = parseModelCard(await fetchJson(cardUrl, 'model card'), cardUrl.pathname);
  let net: tfl.LayersModel;
  try {
    net = await tfl.loadLayersModel(new URL('model.json', dir).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError(`Could not load the network of model "${card.name}": ${reason.replace(/\.$/, '')}.`, { cause: error });
  }
  return new BoneAgeModel(net, card);
}

/** One dummy inference so shaders/kernels are compiled before the first real case. */
export async function warmUp(model: BoneAgeModel): Promise<void> {
  const { width, height } = model.card.input;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (x + y) % 17;
  await model.estimate({ width, height, data });
}
