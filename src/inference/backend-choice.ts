/** The TensorFlow.js backends the page can run on, most capable first (the order they are tried). */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(value);
}

/** `?backend=webgpu|webgl|wasm|cpu` → that backend; absent → null. Anything else is reported, not guessed. */
export function parseBackendParam(search: string): { requested: BackendName | null; invalid: string | null } {
  const value = new URLSearchParams(search).get('backend');
  if (value === null || value.trim() === '') return { requested: null, invalid: null };
  const name = value.trim().toLowerCase();
  return isBackendName(name) ? { requested: name, invalid: null } : { requested: null, invalid: value };
}

/** The order to try: the requested backend first (if any), then the rest in the usual order. */
export function backendAttemptOrder(requested: BackendName | null): BackendName[] {
  return requested ? [requested, ...BACKEND_ORDER.filter((b) => b !== requested)] : [...BACKEND_ORDER];
}

/** GPU adapters that are CPU emulations (SwiftShader, llvmpipe, WARP…): on those, WebGPU and WebGL
 *  run several times slower than WASM, so they are skipped unless asked for by name. */
export function isSoftwareRenderer(description: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver|microsoft warp/i.test(description);
}
