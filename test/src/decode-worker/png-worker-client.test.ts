import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePngInWorker, pngDecodeCounts, resetDecodeWorkerForTests } from '../../../src/decode-worker/png-worker-client';
import { grayPngData } from '../../../core/pipeline/decode/decode-png-fast';
import type { PngDecodeMessage, PngDecodeRequest } from '../../../src/decode-worker/png-decode-protocol';
import { makeFilteredGrayPng } from '../../helpers/make-png-filtered';

/** Stands in for the browser's Worker: `reply` decides what the "worker" sends back for each request. */
function fakeWorker(reply: (request: PngDecodeRequest, send: (m: PngDecodeMessage) => void) => void) {
  const made: FakeWorker[] = [];
  class FakeWorker {
    onmessage: ((e: { data: PngDecodeMessage }) => void) | null = null;
    onerror: unknown = null;
    onmessageerror: unknown = null;
    terminated = false;
    constructor() {
      made.push(this);
    }
    postMessage(request: PngDecodeRequest) {
      reply(request, (m) => setTimeout(() => !this.terminated && this.onmessage?.({ data: m })));
    }
    terminate() {
      this.terminated = true;
    }
  }
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  return made;
}

const original = (globalThis as { Worker?: unknown }).Worker;
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = original;
  resetDecodeWorkerForTests();
});

describe('decodePngInWorker', () => {
  const [width, height] = [9, 7];
  const data = Array.from({ length: width * height }, (_, i) => (i * 37) % 256);
  const png = makeFilteredGrayPng({ width, height, data, depth: 8 });

  it('builds the image from the header and the rows the worker sends, in any pieces', async () => {
    fakeWorker(({ id }, send) => {
      const parsed = grayPngData(png)!;
      const rows = new Uint8Array(inflateSync(parsed.idat));
      send({ id, type: 'header', header: parsed.header });
      for (let at = 0; at < rows.length; at += 5) send({ id, type: 'rows', rows: rows.slice(at, at + 5) });
      send({ id, type: 'end' });
    });
    resetDecodeWorkerForTests();
    const before = pngDecodeCounts();
    const result = await decodePngInWorker(new Blob([png as Uint8Array<ArrayBuffer>]))!;
    expect('image' in result && Array.from(result.image.data)).toEqual(data);
    expect(pngDecodeCounts().worker).toBe(before.worker + 1);
  });

  it('gives up on a worker that stays silent, hands the file to the page, and uses no worker after', async () => {
    const made = fakeWorker(() => undefined);
    resetDecodeWorkerForTests(50);
    const before = pngDecodeCounts();
    const result = await decodePngInWorker(new Blob([png as Uint8Array<ArrayBuffer>]))!;
    expect(result).toEqual({ bytes: null }); // the page reads and decodes the file itself
    expect(made[0].terminated).toBe(true);
    expect(pngDecodeCounts().page).toBe(before.page + 1);
    expect(decodePngInWorker(new Blob([png as Uint8Array<ArrayBuffer>]))).toBeNull();
  });
});
