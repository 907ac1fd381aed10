import type { BoneAgeModel } from '../../core/model';
import { decodeImageAsync } from '../../core/pipeline/decode/decode-image-async';
import { parseBackendParam } from '../inference/backend-choice';
import { selectBackend } from '../inference/backend';
import { buildBoneAgeModel, fetchVerifiedModel, warmUp } from '../inference/load-model';
import { warmUpPipeline } from '../inference/warm-pipeline';
import { putDecodedImage } from '../viewer/image-loader';
import { recordCase, recordReady, recordStartup, timeCase } from '../perf/page-timings';
import { preprocess } from '../../core/pipeline/preprocess';
import { useStore, type OpenCase } from './store';

const get = useStore.getState;
const set = useStore.setState;

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

let started = false;

/** Picks the backend, loads the model named by models/index.json (or ?model=), warms it up. */
export async function startModel(location: Location = window.location, base: string = document.baseURI): Promise<void> {
  if (started) return;
  started = true;
  const { requested, invalid } = parseBackendParam(location.search);
  set({ phase: 'starting', requestedBackend: requested, backendNote: invalid ? `Unknown backend "${invalid}" in the address; choosing automatically.` : null });
  try {
    let t = performance.now();
    // The model downloads and is checked while the backend starts (neither needs the other).
    const fetching = fetchVerifiedModel(base, new URLSearchParams(location.search).get('model'));
    fetching.catch(() => undefined); // a failure is reported below, where it is awaited
    const selection = await selectBackend(requested);
    recordStartup('backend', t);
    const note =
      requested && selection.backend !== requested
        ? `Requested backend "${requested}" is unavailable (${selection.failures.find((f) => f.backend === requested)?.reason ?? 'failed'}); using ${selection.backend}.`
        : !requested && selection.failures.length
          ? `Passed over: ${selection.failures.map((f) => `${f.backend} (${f.reason})`).join('; ')}.`
          : get().backendNote;
    set({ backend: selection.backend, backendNote: note, phase: 'loading' });

    const model = await buildBoneAgeModel(await fetching);
    recordStartup('load', t); // from the start of the download, which overlapped the backend's start
    set({ card: model.card, phase: 'warming' });
    t = performance.now();
    await warmUp(model);
    recordStartup('first_inference', t);
    t = performance.now();
    await warmUpPipeline(model.card.input).catch((error) => console.warn('Pipeline warm-up failed:', error));
    recordStartup('warm_pipeline', t);
    set({ model, phase: 'ready' });
    recordReady();
  } catch (error) {
    console.error('Model start-up failed:', error);
    set({ phase: 'failed', modelError: `The model could not be loaded: ${messageOf(error)}` });
    return;
  }
  // A file opened while the model was loading gets its estimate now.
  const current = get().current;
  if (current && !current.result) void estimateCurrent(current.seq);
}

/** Reads, decodes and shows a file, then estimates. A file that cannot be read leaves the case on screen as it was. */
export async function openFile(file: File): Promise<void> {
  const seq = get().seq + 1;
  set({ seq, reading: true });
  let bytes: Uint8Array;
  const t = performance.now();
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
    recordCase(seq, 'read', t);
  } catch (error) {
    failOpen(seq, file.name, `This file could not be read: ${messageOf(error)}`);
    return;
  }
  await showDecoded(bytes, file.name, seq);
}

function failOpen(seq: number, fileName: string, message: string): void {
  if (get().seq !== seq) return;
  set({ reading: false, error: { seq, fileName, message } });
}

/** Same as openFile, for bytes already in hand. */
export function openBytes(bytes: Uint8Array, fileName: string): void {
  const seq = get().seq + 1;
  set({ seq, reading: true });
  void showDecoded(bytes, fileName, seq);
}

async function showDecoded(bytes: Uint8Array, fileName: string, seq: number): Promise<void> {
  if (get().seq !== seq) return; // a later file has been opened meanwhile
  let image;
  const t = performance.now();
  try {
    image = await decodeImageAsync(bytes, fileName);
    recordCase(seq, 'decode', t);
  } catch (error) {
    // ImageDecodeError messages are written for the reader; anything else is unexpected but still shown.
    failOpen(seq, fileName, messageOf(error));
    return;
  }
  if (get().seq !== seq) return;
  const imageId = putDecodedImage(image);
  const opened: OpenCase = { seq, fileName, fileBytes: bytes.length, image, imageId, result: null, estimating: false, estimateError: null };
  set({ current: opened, reading: false, error: null });
  if (get().model) void estimateCurrent(seq);
}

function updateCase(seq: number, patch: Partial<OpenCase>): void {
  const current = get().current;
  if (current && current.seq === seq) set({ current: { ...current, ...patch } });
}

async function estimateCurrent(seq: number): Promise<void> {
  const { model, backend, current } = get();
  if (!model || !backend || !current || current.seq !== seq) return;
  updateCase(seq, { estimating: true, estimateError: null });
  try {
    const { estimate, ms } = await timedEstimate(model, current.image, seq);
    const card = model.card;
    updateCase(seq, {
      estimating: false,
      result: {
        estimate,
        inferenceMs: ms,
        backend,
        modelName: card.name,
        modelVersion: card.version,
        maeMonths: card.validation?.mae_months ?? null,
        maeN: card.validation?.n ?? null,
      },
    });
  } catch (error) {
    console.error('Estimation failed:', error);
    updateCase(seq, { estimating: false, estimateError: `The estimate failed: ${messageOf(error)}` });
  }
}

/** model.estimate, in its two steps so that each is timed. */
async function timedEstimate(model: BoneAgeModel, image: OpenCase['image'], seq: number) {
  // React renders the opened case in a microtask already queued: let it (and the viewer's image set-up)
  // go first, so that the inference below is timed on its own rather than with that work inside it.
  await null;
  const t0 = performance.now();
  const plane = timeCase(seq, 'preprocess', () => preprocess(image, model.card.input));
  const t1 = performance.now();
  const [estimate] = await model.estimatePlanes([plane]);
  recordCase(seq, 'inference', t1);
  recordCase(seq, 'estimate', t0);
  return { estimate, ms: performance.now() - t0 };
}
