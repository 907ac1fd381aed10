import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The wasm binaries ship with the app (no CDN). Only the single-threaded builds are used: the
// threaded one needs a worker script that does not survive bundling, so multithreading is off.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { backendAttemptOrder, type BackendName } from './backend-choice';

let wasmConfigured = false;

function configureWasm(): void {
  if (wasmConfigured) return;
  wasmConfigured = true;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    // Never used (multithreading is off); pointed at the SIMD build so nothing is fetched elsewhere.
    'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
  });
}

export interface BackendSelection {
  backend: BackendName;
  /** Backends tried before the one that worked, with why they failed. */
  failures: Array<{ backend: BackendName; reason: string }>;
}

/** Tries WebGPU, WebGL, WASM, CPU in turn (or the requested one first) and keeps the first that starts. */
export async function selectBackend(requested: BackendName | null): Promise<BackendSelection> {
  configureWasm();
  const failures: BackendSelection['failures'] = [];
  for (const backend of backendAttemptOrder(requested)) {
    try {
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return { backend, failures };
      }
      failures.push({ backend, reason: 'could not be initialised in this browser' });
    } catch (error) {
      failures.push({ backend, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const detail = failures.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  throw new Error(`No TensorFlow.js backend could be started (${detail}).`);
}
