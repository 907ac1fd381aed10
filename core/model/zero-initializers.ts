/**
 * A model topology whose layers initialise their weights to zeros instead of random draws.
 *
 * tfjs-layers builds every layer with its initializer before it sets the loaded weights, so a page
 * that loads a trained model first draws (and then throws away) random values for every parameter:
 * for the 1.7 M-parameter age model a truncated normal in JavaScript, ≈ 130–170 ms of a wasm cold
 * start in Chromium (bench/README.md). The loaded weights replace every initial value
 * (`loadLayersModel` is strict: a missing weight is an error), so zeros change nothing but the time.
 * Pure: returns a copy, the input is untouched.
 */
export function withZeroInitializers<T>(topology: T): T {
  return zeroed(topology) as T;
}

const ZEROS = { class_name: 'Zeros', config: {} };

function zeroed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(zeroed);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Keras names every initializer `<weight>_initializer` (kernel_, bias_, gamma_, moving_mean_, …).
    out[key] = key.endsWith('_initializer') && v !== null && typeof v === 'object' ? { ...ZEROS } : zeroed(v);
  }
  return out;
}
