import { GrayRowSink } from '../../core/pipeline/decode/gray-row-sink';
import { grayPngImage } from '../../core/pipeline/decode/decode-png-fast';
import type { PngHeader } from '../../core/pipeline/decode/png-header';
import type { DecodedImage } from '../../core/pipeline/types';
import type { PngDecodeMessage } from './png-decode-protocol';

/** What the worker gave: the image (and when the file had been read, for the page's timings), or the
 *  file's bytes (null: not read) for the page to decode the usual way. */
export type WorkerPngResult = { image: DecodedImage; readAt: number } | { bytes: Uint8Array | null };

interface Pending {
  resolve(result: WorkerPngResult): void;
  /** Fires when the worker has said nothing about this file for STALL_MS. */
  watchdog: ReturnType<typeof setTimeout>;
  header?: PngHeader;
  sink?: GrayRowSink;
  readAt?: number;
  failed?: boolean;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
const counts = { worker: 0, page: 0 };

/** A worker silent this long about a file it holds is given up on (terminated; its files go to the page's
 *  decoders). Generous: the largest file the page accepts (128 MB) reads in a few seconds. */
export const STALL_MS = 30_000;
let stallMs = STALL_MS;

/** For tests: a shorter stall limit, and a fresh worker on next use. */
export function resetDecodeWorkerForTests(limitMs = STALL_MS): void {
  worker?.terminate();
  worker = undefined;
  stallMs = limitMs;
}

function watch(): ReturnType<typeof setTimeout> {
  return setTimeout(() => {
    console.warn(`PNG decode worker silent for ${stallMs / 1000} s; decoding on the page from now on.`);
    abandonWorker();
  }, stallMs);
}

/** PNGs the worker decoded, and those it handed back (or could not take) for the page to decode. */
export function pngDecodeCounts(): { worker: number; page: number } {
  return { ...counts };
}

function settle(p: Pending, result: WorkerPngResult): void {
  clearTimeout(p.watchdog);
  counts['image' in result ? 'worker' : 'page']++;
  p.resolve(result);
}

/** The one decode worker, started on first use; null where workers or DecompressionStream are missing,
 *  or the worker failed (everything then decodes on the page's thread, as before). */
function decodeWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof Worker !== 'function' || typeof DecompressionStream !== 'function') return (worker = null);
    worker = new Worker(new URL('./png-decode.worker.ts', import.meta.url), { type: 'module', name: 'boneage-png-decode' });
    worker.onmessage = (event: MessageEvent<PngDecodeMessage>) => receive(event.data);
    const fail = (why: string) => {
      console.warn(`PNG decode worker failed (${why}); decoding on the page from now on.`);
      abandonWorker();
    };
    worker.onerror = (event) => fail(event.message || 'error');
    worker.onmessageerror = () => fail('a message could not be read');
  } catch (error) {
    console.warn('PNG decode worker unavailable:', error);
    worker = null;
  }
  return worker;
}

function abandonWorker(): void {
  worker?.terminate();
  worker = null;
  for (const [id, p] of pending) {
    pending.delete(id);
    settle(p, { bytes: null });
  }
}

function receive(message: PngDecodeMessage): void {
  const p = pending.get(message.id);
  if (!p) return;
  clearTimeout(p.watchdog);
  p.watchdog = watch();
  switch (message.type) {
    case 'header': {
      const { width, height, bitDepth } = message.header;
      p.header = message.header;
      p.readAt = performance.now();
      p.sink = new GrayRowSink(width, height, bitDepth as 8 | 16);
      return;
    }
    case 'rows':
      if (!p.failed && !p.sink?.push(message.rows)) p.failed = true;
      return;
    case 'end': {
      pending.delete(message.id);
      const gray = p.failed ? null : p.sink?.finish();
      settle(p, gray && p.header && p.readAt !== undefined ? { image: grayPngImage(p.header, gray), readAt: p.readAt } : { bytes: null });
      return;
    }
    case 'declined':
      pending.delete(message.id);
      settle(p, { bytes: message.bytes });
  }
}

/**
 * Decodes a gray PNG with the worker reading and inflating it while this thread unfilters the rows; the
 * same samples as decodePngFast, in less time on two cores. Resolves with the file's bytes (or null:
 * read it yourself) for anything the fast path does not take, and null at once when there is no worker.
 */
export function decodePngInWorker(file: Blob): Promise<WorkerPngResult> | null {
  const w = decodeWorker();
  if (!w) return null;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, watchdog: watch() });
    w.postMessage({ id, file });
  });
}
