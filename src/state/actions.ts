import type { BoneAgeModel } from '../../core/model';
import { decodeImage, ImageDecodeError } from '../../core/pipeline/decode';
import { checkMinimumSize } from '../../core/pipeline/min-size';
import { checkImageFile } from '../../core/pipeline/read-file';
import { decodePngInWorker } from '../decode-worker/png-worker-client';
import '../inference/codec-wasm-urls';
import type { DecodedImage } from '../../core/pipeline/types';
import { parseBackendParam } from '../inference/backend-choice';
import { selectBackend } from '../inference/backend';
import { buildBoneAgeModel, fetchVerifiedModel, warmUp } from '../inference/load-model';
import { warmUpDecodeWorker, warmUpPipeline } from '../inference/warm-pipeline';
import { recordCase, recordReady, recordStartup, timeCase } from '../perf/page-timings';
import { preprocess } from '../../core/pipeline/preprocess';
import { forgetImage, imageIdFor, putDecodedImage } from '../viewer/image-loader';
import { isPending } from '../worklist/case-status';
import { emptyPatient, patientFromImage } from '../age/patient-info';
import { nextCaseToReadAgain, nextCaseToWork, stepSelection } from '../worklist/queue';
import { assessCase, startQc } from './qc-actions';
import { readingForSex } from '../../core/model/age-map';
import type { ModelSex } from '../../core/model/types';
import type { GrayImage } from '../../core/pipeline/types';
import { effectiveReading, offersCarefulReading, readingName, type ReadingMode } from '../../core/model/reading-mode';
import { saveReadingPreference } from './reading-preference';
import { readingToWarm } from './reading-warm-up';
import { modelSexOf } from './sex-reading';
import { useStore, type CaseResult, type ImageHeader, type OpenCase } from './store';
import type { Estimate } from '../../core/model/types';
import type { BackendName } from '../inference/backend-choice';

const get = useStore.getState;
const set = useStore.setState;

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

let started = false;
/** The loaded model under its own card; the store holds it as the reading mode reads it (reader()). */
let baseModel: BoneAgeModel | null = null;

/** The model as the reading mode now reads it, and which reading that is. */
function reader(): { model: BoneAgeModel; reading: ReadingMode } | null {
  if (!baseModel) return null;
  const reading = effectiveReading(baseModel.card, get().readingMode);
  return { model: baseModel.forReading(reading), reading };
}

/** Switches between the standard and the careful reading (remembered for the next visit). Cases already
 *  estimated are read again the new way, the one on screen first (workQueue); their pixels are not
 *  decoded again: the preprocessed input plane of each is kept (40 KB a case). */
export function setReadingMode(mode: ReadingMode): void {
  if (get().readingMode === mode) return;
  saveReadingPreference(mode);
  // A switch tries again what failed before; what was said of an earlier attempt no longer applies.
  rereadFailed.clear();
  set({ readingMode: mode, cases: get().cases.map((c) => (c.rereadError ? { ...c, rereadError: null } : c)) });
  const r = reader();
  if (!r) return;
  set({ card: r.model.card, ...(get().phase === 'ready' ? { model: r.model } : {}) });
  void workQueue();
}

/** Picks the backend, loads the model named by models/index.json (or ?model=), warms it up. */
export async function startModel(location: Location = window.location, base: string = document.baseURI): Promise<void> {
  if (started) return;
  started = true;
  const { requested, invalid } = parseBackendParam(location.search);
  set({ phase: 'starting', requestedBackend: requested, backendNote: invalid ? `Unknown backend "${invalid}" in the address; choosing automatically.` : null });
  try {
    let t = performance.now();
    const decodeWorkerWarm = warmUpDecodeWorker().catch((error) => console.warn('Decode worker warm-up failed:', error));
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

    baseModel = await buildBoneAgeModel(await fetching);
    recordStartup('load', t); // from the start of the download, which overlapped the backend's start
    set({ card: reader()!.model.card, baseCard: baseModel.card, phase: 'warming' });
    t = performance.now();
    // Warmed in the reading it will first be used in (a careful reading's batch of shifted copies has its own shapes).
    const model = reader()!.model;
    await warmUp(model);
    warmedReadings.add(reader()!.reading);
    recordStartup('first_inference', t);
    t = performance.now();
    // Decode, preprocessing and viewer code run once on a tiny image, so the first real case is not the slow one.
    await warmUpPipeline(model.card.input).catch((error) => console.warn('Pipeline warm-up failed:', error));
    await decodeWorkerWarm;
    recordStartup('warm_pipeline', t);
    set({ model: reader()!.model, phase: 'ready' }); // the reader may have switched the reading meanwhile
    recordReady();
    // Quality control loads once the age model is ready, so it does not slow the page's start: it answers
    // after the estimate anyway, and cases opened before it arrives are checked when it does (startQc).
    void startQc(base);
  } catch (error) {
    console.error('Model start-up failed:', error);
    set({ phase: 'failed', modelError: `The model could not be loaded: ${messageOf(error)}` });
    void startQc(base); // the quality check still reads cases without an age model
    return;
  }
  // Cases opened while the model was loading are waiting for it in workQueue.
}

/** Opens one file (the page's original entry point): it joins the worklist and is shown once read. */
export async function openFile(file: File): Promise<void> {
  openFiles([file]);
}

/** Same as openFile, for bytes already in hand. */
export function openBytes(bytes: Uint8Array, fileName: string): void {
  openFiles([new File([bytes as Uint8Array<ArrayBuffer>], fileName)]);
}

/** Where each case's pixels come from, by case seq: a case whose pixels were released is decoded again from
 *  here (its file, or the case it was derived from, e.g. flipped). */
const sources = new Map<number, () => Promise<DecodedImage>>();
/** Each estimated case's preprocessed input plane, by case seq (see setReadingMode). */
const planes = new Map<number, GrayImage>();
/** Cases whose reading again failed, by seq: the reading that failed, not tried again until the next switch. */
const rereadFailed = new Map<number, ReadingMode>();
/** Cases made from another case's pixels. */
const derived = new Set<number>();
/** The first case of the latest batch: the first of that batch that opens is put on screen. */
let showFrom: number | null = null;
let latestBatch = 1;

/** Queues several files (a drop or a multiple pick). They are read and estimated one at a time; the
 *  newest batch first, so a file opened while a long worklist runs is not kept waiting. */
export function openFiles(list: ArrayLike<File>): void {
  const batch = Array.from(list);
  if (batch.length === 0) return;
  let seq = get().seq;
  const added: OpenCase[] = batch.map((file) => {
    seq += 1;
    sources.set(seq, () => readAndDecode(file, seq));
    return { seq, fileName: file.name, fileBytes: file.size, status: 'queued', message: null, image: null, imageId: null, result: null, estimateError: null, patient: emptyPatient() };
  });
  latestBatch = added[0].seq;
  showFrom = latestBatch;
  set({ seq, cases: [...get().cases, ...added] });
  void workQueue();
}

/** Adds a case made from another one's pixels (e.g. flipped left–right) to the worklist, and shows it. */
export function openDerivedCase(fromSeq: number, fileName: string, transform: (image: DecodedImage) => DecodedImage): void {
  const from = get().cases.find((c) => c.seq === fromSeq);
  const source = sources.get(fromSeq);
  if (!from || !source) return;
  const seq = get().seq + 1;
  sources.set(seq, async () => transform(await source()));
  derived.add(seq);
  latestBatch = seq;
  showFrom = seq;
  const added: OpenCase = { ...from, seq, fileName, status: 'queued', message: null, image: null, imageId: null, result: null, estimateError: null, rereadError: null };
  set({ seq, cases: [...get().cases, added] });
  void workQueue();
}

/** Puts a case on screen (a row clicked, J/K). */
export function selectCase(seq: number): void {
  if (!get().cases.some((c) => c.seq === seq)) return;
  showFrom = null; // the reader chose; a running batch no longer moves the view
  set({ selected: seq });
  void workQueue(); // a queued case that is selected is worked on next
}

/** The next (+1) or previous (−1) case of the worklist. */
export function stepCase(delta: 1 | -1): void {
  const { cases, selected } = get();
  const seq = stepSelection(cases.map((c) => c.seq), selected, delta);
  if (seq !== null && seq !== selected) selectCase(seq);
}

/** Drops the finished cases (done or failed) from the list, except the one on screen. */
export function clearFinished(): void {
  const { cases, selected } = get();
  const keep = cases.filter((c) => isPending(c.status) || c.seq === selected);
  for (const c of cases) {
    if (keep.includes(c)) continue;
    sources.delete(c.seq);
    planes.delete(c.seq);
    rereadFailed.delete(c.seq);
    forgetImage(imageIdFor(c.seq));
  }
  set({ cases: keep });
}

/** Changes one case of the worklist (by seq); a case no longer listed is left alone. */
export function updateCase(seq: number, patch: Partial<OpenCase>): void {
  const cases = get().cases;
  const i = cases.findIndex((c) => c.seq === seq);
  if (i < 0) return;
  const next = cases.slice();
  next[i] = { ...cases[i], ...patch };
  set({ cases: next });
}

let working = false;

/** Works through the queued cases one at a time (one decoded image and one estimate in flight). */
async function workQueue(): Promise<void> {
  if (working) return;
  working = true;
  try {
    for (;;) {
      const { cases, selected } = get();
      const next = nextCaseToWork(cases, selected, latestBatch);
      if (next) {
        await workCase(next);
        continue;
      }
      // Nothing new to read: estimates made in the other reading mode are read again, the one on screen first.
      const r = reader();
      const canReadAgain = (seq: number) => planes.has(seq) && rereadFailed.get(seq) !== r?.reading;
      const again = r && get().phase === 'ready' ? nextCaseToReadAgain(cases, selected, r.reading, canReadAgain) : null;
      if (!again) break;
      await rereadCase(again.seq);
    }
  } finally {
    working = false;
  }
}

/** Readings that have run on this backend: start-up warms the one used first, warmReadingAhead the other. */
const warmedReadings = new Set<ReadingMode>();

/** The reader shows intent to switch the reading (the pointer on the switch, or focus in it): the reading not
 *  yet run is warmed now, while the hand moves to the button, so the switch itself reads at the warm speed
 *  (src/state/reading-warm-up.ts). Only when nothing is being read, and not on a timer: warming in the
 *  background unasked would hold up a case opened meanwhile (on a software GPU by seconds, measured). */
export function warmReadingAhead(): void {
  const mode = baseModel && get().phase === 'ready' ? readingToWarm(baseModel.card, warmedReadings) : null;
  if (mode && !working) void warmReading(mode);
}

async function warmReading(mode: ReadingMode): Promise<void> {
  working = true; // a case opened or a switch made meanwhile waits for this one inference (workQueue runs below)
  const t = performance.now();
  try {
    await warmUp(baseModel!.forReading(mode));
    recordStartup('other_reading_warm', t);
  } catch (error) {
    // Not tried again: a real reading in that mode says what fails, beside the case.
    console.warn(`Warming the ${mode} reading failed:`, error);
  } finally {
    warmedReadings.add(mode);
    working = false;
  }
  void workQueue();
}

async function workCase(c: OpenCase): Promise<void> {
  const { seq, fileName } = c;
  const source = sources.get(seq);
  if (!source) return updateCase(seq, { status: 'failed', message: 'The file is no longer available.' });
  updateCase(seq, { status: 'reading' });
  set({ reading: true });
  let decoded: DecodedImage;
  try {
    decoded = await source();
  } catch (error) {
    // ImageDecodeError messages are written for the reader; anything else is unexpected but still shown.
    const message = messageOf(error);
    updateCase(seq, { status: 'failed', message });
    set({ reading: false, error: { seq, fileName, message } });
    return;
  }
  const imageId = imageIdFor(seq);
  putDecodedImage(imageId, decoded, source);
  // The patient data come from the file the first time only: a re-decode must not undo the reader's edits.
  // A derived case (flipped) keeps the patient data of the case it came from.
  const firstRead = get().cases.find((c) => c.seq === seq)?.image === null && !derived.has(seq);
  updateCase(seq, { status: 'estimating', image: headerOf(decoded), imageId, ...(firstRead ? { patient: patientFromImage(decoded) } : {}) });
  set({ reading: false });
  if ((showFrom !== null && seq >= showFrom) || get().selected === null || get().selected === seq) {
    if (showFrom !== null && seq >= showFrom) showFrom = null;
    set({ selected: seq, error: null });
  }
  // The estimate first (shown greyed as 'checking' until QC answers), so QC does not delay the result.
  await estimateCase(seq, decoded);
  // One event-loop turn first, so React shows the estimate before the quality check's work begins.
  await nextTask();
  await assessCase(seq, decoded);
}

/** Resolves in a later task (not a microtask): whatever the browser queued meanwhile (a render) runs first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function readAndDecode(file: File, seq: number): Promise<DecodedImage> {
  let t = performance.now();
  let bytes: Uint8Array | null = null;
  try {
    // Refuses what is too big or plainly not an image, unread.
    const sniffed = await checkImageFile(file, file.name);
    // A PNG is read and inflated by a worker while this thread unfilters its rows (src/decode-worker/).
    const viaWorker = sniffed.kind === 'png' ? await decodePngInWorker(file) : null;
    if (viaWorker && 'image' in viaWorker) {
      recordCase(seq, 'read', t, viaWorker.readAt);
      recordCase(seq, 'decode', viaWorker.readAt);
      checkMinimumSize(viaWorker.image);
      return viaWorker.image;
    }
    bytes = viaWorker?.bytes ?? new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new Error(`This file could not be read: ${messageOf(error)}`, { cause: error });
  }
  recordCase(seq, 'read', t);
  t = performance.now();
  const image = await decodeImage(bytes, file.name);
  recordCase(seq, 'decode', t);
  checkMinimumSize(image);
  return image;
}

function headerOf(decoded: DecodedImage): ImageHeader {
  const { data: _pixels, ...header } = decoded;
  return header;
}

/** Resolves once the model is ready (true) or has failed (false). */
function modelSettled(): Promise<boolean> {
  const settled = (phase: string) => phase === 'ready' || phase === 'failed';
  if (settled(get().phase)) return Promise.resolve(get().phase === 'ready');
  return new Promise((resolve) => {
    const stop = useStore.subscribe((s) => {
      if (!settled(s.phase)) return;
      stop();
      resolve(s.phase === 'ready');
    });
  });
}

async function estimateCase(seq: number, image: DecodedImage): Promise<void> {
  if (!(await modelSettled())) {
    updateCase(seq, { status: 'failed', message: 'No estimate: the model is unavailable.' });
    return;
  }
  const r = reader();
  const { backend } = get();
  if (!r || !backend) return;
  try {
    const { estimate, ms } = await timedEstimate(r.model, image, seq);
    warmedReadings.add(r.reading);
    updateCase(seq, { status: 'done', result: resultOf(r, estimate, ms, backend) });
  } catch (error) {
    console.error('Estimation failed:', error);
    const message = `The estimate failed: ${messageOf(error)}`;
    updateCase(seq, { status: 'failed', message, estimateError: message });
  }
}

/** A case's result, with the identity and validated error of the reading that made it. */
function resultOf(r: NonNullable<ReturnType<typeof reader>>, estimate: Estimate, ms: number, backend: BackendName): CaseResult {
  const card = r.model.card;
  return {
    estimate,
    inferenceMs: ms,
    backend,
    modelName: card.name,
    modelVersion: card.version,
    maeMonths: card.validation?.mae_months ?? null,
    maeN: card.validation?.n ?? null,
    reading: r.reading,
    readingName: readingName(baseModel!.card, r.reading),
  };
}

/** Reads an estimated case again in the current reading mode, from its kept input plane (no decode, no QC:
 *  the image is the same). A failure keeps the earlier estimate and says why. */
async function rereadCase(seq: number): Promise<void> {
  const r = reader();
  const plane = planes.get(seq);
  const { backend } = get();
  const before = get().cases.find((c) => c.seq === seq);
  if (!r || !plane || !backend || !before?.result) return;
  updateCase(seq, { status: 'estimating' });
  try {
    const t0 = performance.now();
    const estimate = await r.model.estimatePlane(plane, caseSex(seq));
    const ms = performance.now() - t0;
    warmedReadings.add(r.reading);
    // Switched back meanwhile: this reading is no longer wanted (workQueue reads the case in the mode now chosen).
    if (reader()?.reading !== r.reading) return updateCase(seq, { status: 'done' });
    updateCase(seq, { status: 'done', rereadError: null, result: resultOf(r, readingForSex(estimate, caseSex(seq)), ms, backend) });
  } catch (error) {
    console.error('Reading again failed:', error);
    rereadFailed.set(seq, r.reading);
    // Said beside the estimate it concerns (not as a file that could not be opened); the earlier estimate stands.
    const rereadError = `Reading this case again (${readingName(baseModel!.card, r.reading)}) failed: ${messageOf(error)}. The estimate shown is the earlier one (${before.result.readingName}).`;
    updateCase(seq, { status: 'done', rereadError });
  }
}

/** model.estimate, in its two steps so that each is timed (src/perf/page-timings.ts). */
async function timedEstimate(model: BoneAgeModel, image: DecodedImage, seq: number) {
  // React renders the opened case in a microtask already queued: let it (and the viewer's image set-up)
  // go first, so that the inference below is timed on its own rather than with that work inside it.
  await null;
  const t0 = performance.now();
  const plane = timeCase(seq, 'preprocess', () => preprocess(image, model.card.input));
  // Kept, so a change of reading mode reads the case again without decoding it (only where there is another reading).
  if (baseModel && offersCarefulReading(baseModel.card)) planes.set(seq, plane);
  const t1 = performance.now();
  const estimate = await model.estimatePlane(plane, caseSex(seq));
  recordCase(seq, 'inference', t1);
  recordCase(seq, 'estimate', t0);
  const ms = performance.now() - t0;
  // The reader may have set the sex while the network ran: read the estimate for the sex now given.
  return { estimate: readingForSex(estimate, caseSex(seq)), ms };
}

/** The sex of case `seq` as the model takes it (null: not known). */
function caseSex(seq: number): ModelSex {
  return modelSexOf(get().cases.find((c) => c.seq === seq)?.patient);
}
