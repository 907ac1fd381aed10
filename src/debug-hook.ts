import * as tf from '@tensorflow/tfjs-core';
import { installBoneAgeHook, type BoneAgeHook as TimingsHook } from './perf/page-timings';
import { useLocaliserStore } from './state/localiser-store';
import { useQcStore } from './state/qc-store';
import { useStore } from './state/store';
import { loaderCounts } from './viewer/image-loader';
import { pngDecodeCounts } from './decode-worker/png-worker-client';

/** What the worklist adds to the read-only `window.__boneage` (documented in the README). */
export interface WorklistHook {
  /** tf.memory().numBytes. */
  numBytes(): number;
  /** Cases in the worklist, how many are done and how many failed. */
  cases(): { total: number; done: number; failed: number };
  /** Decoded images held in memory, and cases whose file can be decoded again. */
  images(): { held: number; sources: number };
  /** Load phases of the models that start beside the age model (a benchmark waits for them before its baseline). */
  sideModels(): { qc: string; localiser: string };
  /** PNGs decoded by the decode worker, and those it handed back to be decoded on the page (src/decode-worker/). */
  pngDecodes(): { worker: number; page: number };
}

/** Read-only numbers for tests and benchmarks: timings (src/perf/page-timings.ts) and worklist counts. Nothing here changes the page. */
export type BoneAgeHook = TimingsHook & WorklistHook;

declare global {
  interface Window {
    __boneage?: BoneAgeHook;
  }
}

export function installDebugHook(target: Window = window): void {
  const worklist: WorklistHook = {
    numBytes: () => tf.memory().numBytes,
    cases: () => {
      const cases = useStore.getState().cases;
      return { total: cases.length, done: cases.filter((c) => c.status === 'done').length, failed: cases.filter((c) => c.status === 'failed').length };
    },
    images: () => loaderCounts(),
    sideModels: () => ({ qc: useQcStore.getState().phase, localiser: useLocaliserStore.getState().phase }),
    pngDecodes: () => pngDecodeCounts(),
  };
  installBoneAgeHook(target, worklist);
}
