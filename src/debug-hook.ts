import * as tf from '@tensorflow/tfjs-core';
import { useStore } from './state/store';
import { loaderCounts } from './viewer/image-loader';

/** Read-only numbers for tests and benchmarks (documented in the README). Nothing here changes the page. */
export interface BoneAgeHook {
  /** tf.memory().numTensors: tensors alive in the inference backend. */
  numTensors(): number;
  /** tf.memory().numBytes. */
  numBytes(): number;
  /** Cases in the worklist, how many are done and how many failed. */
  cases(): { total: number; done: number; failed: number };
  /** Decoded images held in memory, and cases whose file can be decoded again. */
  images(): { held: number; sources: number };
}

declare global {
  interface Window {
    __boneage?: BoneAgeHook;
  }
}

export function installDebugHook(target: Window = window): void {
  const hook: BoneAgeHook = {
    numTensors: () => tf.memory().numTensors,
    numBytes: () => tf.memory().numBytes,
    cases: () => {
      const cases = useStore.getState().cases;
      return { total: cases.length, done: cases.filter((c) => c.status === 'done').length, failed: cases.filter((c) => c.status === 'failed').length };
    },
    images: () => loaderCounts(),
  };
  Object.defineProperty(target, '__boneage', { value: Object.freeze(hook), writable: false, configurable: false });
}
