import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The wasm binaries ship with the app (no CDN). Only the single-threaded builds are used: the
// threaded one needs a worker script that does not survive bundling, so multithreading is off.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { backendAttemptOrder, isSoftwareRenderer, type BackendName } from './backend-choice';

/** The GPU backends and the plain-JavaScript one are most of the page's script and unused wherever
 *  WASM wins: each is a separate chunk, fetched and compiled only when it is tried (a shorter cold
 *  start for everyone else). */
const lazyBackends: Partial<Record<BackendName, () => Promise<unknown>>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

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

/** What the browser says its GPU is, for WebGPU or WebGL; '' when it says nothing. */
async function gpuDescription(backend: 'webgpu' | 'webgl'): Promise<string> {
  try {
    if (backend === 'webgpu') {
      type Adapter = { isFallbackAdapter?: boolean; info?: Record<string, string> };
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
      const adapter = await gpu?.requestAdapter();
      if (!adapter) return '';
      const info = adapter.info ?? {};
      return [adapter.isFallbackAdapter ? 'software fallback adapter' : '', info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
    }
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
  } catch {
    return '';
  }
}

/** Tries WebGPU, WebGL, WASM, CPU in turn (or the requested one first) and keeps the first that starts.
 *  A GPU backend on a software renderer is passed over unless it was requested by name. */
export async function selectBackend(requested: BackendName | null): Promise<BackendSelection> {
  configureWasm();
  const failures: BackendSelection['failures'] = [];
  for (const backend of backendAttemptOrder(requested)) {
    try {
      if ((backend === 'webgpu' || backend === 'webgl') && backend !== requested) {
        const gpu = await gpuDescription(backend);
        if (isSoftwareRenderer(gpu)) {
          failures.push({ backend, reason: `software renderer (${gpu.trim()}), slower than WASM` });
          continue;
        }
      }
      await lazyBackends[backend]?.();
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
