/**
 * Where the page's time goes, for the benchmark (`npm run --silent bench:page`) and for anyone with
 * DevTools open. Every stage is a `performance.measure` named `boneage:<stage>` (visible in the
 * Performance panel) and is also kept, as plain numbers, behind a read-only `window.__boneage`:
 *
 *   window.__boneage.version          1
 *   window.__boneage.numTensors()     tf.memory().numTensors (leak check)
 *   window.__boneage.startup()        { script_ms, backend_ms, load_ms, first_inference_ms, warm_pipeline_ms, ready_ms,
 *                                       other_reading_warm_ms (once the pointer is first on the reading switch) }
 *                                     (script_ms and ready_ms count from navigation start)
 *   window.__boneage.caseTimings(seq) { read_ms, decode_ms, preprocess_ms, inference_ms, display_ms, ... } for file number seq
 *
 * Only durations and counts: nothing about the patient or the image is exposed here.
 */
import * as tf from '@tensorflow/tfjs-core';

export type StartupStage = 'backend' | 'load' | 'first_inference' | 'warm_pipeline' | 'other_reading_warm';
export type CaseStage = 'read' | 'decode' | 'preprocess' | 'inference' | 'estimate' | 'display';

export interface StartupTimings {
  backend_ms?: number;
  /** Download, SHA-256 check and build of the model; the download overlaps the backend's start. */
  load_ms?: number;
  first_inference_ms?: number;
  /** Decode, preprocessing and viewer code run once on a tiny image. */
  warm_pipeline_ms?: number;
  /** When the reader first points at the reading switch: one inference in the reading not used yet (src/state/actions.ts). */
  other_reading_warm_ms?: number;
  /** Navigation start → the page's script running (download, parse and compile of the bundle). */
  script_ms?: number;
  /** Navigation start → model ready (the page's cold start). */
  ready_ms?: number;
}

export type CaseTimings = Partial<Record<`${CaseStage}_ms`, number>>;

const startup: StartupTimings = {};
const cases = new Map<number, CaseTimings>();
/** Cases kept: enough for a benchmark reading the one it just finished, small enough never to grow. */
const KEEP_CASES = 8;

function measure(name: string, start: number, end: number): void {
  try {
    performance.measure(`boneage:${name}`, { start, end });
  } catch {
    // Older browsers without measure options: the numbers below are still recorded.
  }
}

export function recordStartup(stage: StartupStage, start: number, end = performance.now()): void {
  startup[`${stage}_ms`] = end - start;
  measure(stage, start, end);
}

export function recordReady(now = performance.now()): void {
  startup.ready_ms = now;
  performance.mark('boneage:ready');
}

export function recordCase(seq: number, stage: CaseStage, start: number, end = performance.now()): void {
  let entry = cases.get(seq);
  if (!entry) {
    entry = {};
    cases.set(seq, entry);
    while (cases.size > KEEP_CASES) forgetCase(cases.keys().next().value as number);
  }
  entry[`${stage}_ms`] = end - start;
  measure(`${stage}#${seq}`, start, end);
}

/** Drops an old case's numbers and its entries in the performance timeline (which never empties itself). */
function forgetCase(seq: number): void {
  for (const stage of Object.keys(cases.get(seq) ?? {})) performance.clearMeasures?.(`boneage:${stage.replace(/_ms$/, '')}#${seq}`);
  cases.delete(seq);
}

/** Runs `fn`, recording its wall time as `stage` of case `seq`. */
export function timeCase<T>(seq: number, stage: CaseStage, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    recordCase(seq, stage, start);
  }
}

export interface BoneAgeHook {
  readonly version: 1;
  numTensors(): number;
  startup(): StartupTimings;
  caseTimings(seq: number): CaseTimings | null;
}

/** Puts the read-only hook on `window.__boneage` (once), with any `extra` read-only functions (src/debug-hook.ts adds the worklist's). */
export function installBoneAgeHook<E extends object>(target: object = globalThis, extra?: E): void {
  if ('__boneage' in target) return;
  startup.script_ms = performance.now();
  const hook = Object.freeze({
    ...extra,
    version: 1 as const,
    numTensors: () => tf.memory().numTensors,
    startup: () => ({ ...startup }),
    caseTimings: (seq: number) => {
      const entry = cases.get(seq);
      return entry ? { ...entry } : null;
    },
  });
  Object.defineProperty(target, '__boneage', { value: hook, enumerable: false, writable: false, configurable: false });
}
