/** Fuzz worker: decodes each file it is sent and says how it went. Runs in its own thread so the
 *  main script can kill it when one file takes longer than the per-file cap (a hang). */
import { parentPort } from 'node:worker_threads';
import { decodeImage } from '../../core/pipeline/decode';
import { ImageDecodeError } from '../../core/pipeline/decode/errors';
import { MAX_PIXELS } from '../../core/pipeline/decode/pixel-budget';

export interface FuzzJob {
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** `mb`: growth of ArrayBuffer memory across the decode (a rough lower bound of what it allocated). */
export type FuzzOutcome = (
  | { id: number; ms: number; kind: 'decoded' }
  /** A decoded image that breaks the decoder's contract (size, data length, non-finite values). */
  | { id: number; ms: number; kind: 'invalid'; why: string }
  /** A refusal; `jsCause` when the decoder wrapped a library's TypeError/RangeError (handled, but noted). */
  | { id: number; ms: number; kind: 'clean'; code: string; message: string; jsCause?: string }
  /** decodeImage's safety net caught a plain JS error (TypeError, RangeError...): a bug it hid. */
  | { id: number; ms: number; kind: 'netted'; stack: string }
  /** Something other than an ImageDecodeError escaped decodeImage. */
  | { id: number; ms: number; kind: 'other'; stack: string }
) & { mb?: number };

const NET_MESSAGE = 'This file could not be read; it may be damaged.';
const JS_BUGS = ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'InternalError'];

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `thrown non-Error: ${String(error)}`;
}

function checkDecoded(image: Awaited<ReturnType<typeof decodeImage>>): string | null {
  const { width, height, data } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) return `size ${width}×${height}`;
  if (width * height > MAX_PIXELS) return `over the pixel budget: ${width}×${height}`;
  if (data.length !== width * height) return `data length ${data.length} for ${width}×${height}`;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return `non-finite value at ${i}`;
  if (!(Number.isFinite(image.window.center) && image.window.width > 0)) return `bad window ${JSON.stringify(image.window)}`;
  return null;
}

async function run(job: FuzzJob): Promise<FuzzOutcome> {
  const t = performance.now();
  try {
    const image = await decodeImage(job.bytes, job.name);
    const ms = performance.now() - t;
    const why = checkDecoded(image);
    return why ? { id: job.id, ms, kind: 'invalid', why } : { id: job.id, ms, kind: 'decoded' };
  } catch (error) {
    const ms = performance.now() - t;
    if (!(error instanceof ImageDecodeError)) return { id: job.id, ms, kind: 'other', stack: stackOf(error) };
    const cause = error.cause;
    if (error.message === NET_MESSAGE && cause instanceof Error && JS_BUGS.includes(cause.name)) {
      return { id: job.id, ms, kind: 'netted', stack: stackOf(cause) };
    }
    const jsCause = cause instanceof Error && JS_BUGS.includes(cause.name) ? `${cause.name}: ${cause.message}` : undefined;
    return { id: job.id, ms, kind: 'clean', code: error.code, message: error.message, jsCause };
  }
}

parentPort!.on('message', async (job: FuzzJob) => {
  const before = process.memoryUsage().arrayBuffers;
  const outcome = await run(job);
  outcome.mb = Math.max(0, process.memoryUsage().arrayBuffers - before) / 2 ** 20;
  parentPort!.postMessage(outcome);
});
