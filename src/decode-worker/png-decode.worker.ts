/// <reference lib="webworker" />
/**
 * Reads a dropped gray PNG and inflates its image data off the page's thread, sending the rows as they
 * come out: the page unfilters them meanwhile (core/pipeline/decode/gray-row-sink.ts), so reading,
 * inflating and unfiltering take two cores instead of one after another on one.
 */
import { grayPngData, inflateInSlices } from '../../core/pipeline/decode/decode-png-fast';
import type { PngDecodeMessage, PngDecodeRequest } from './png-decode-protocol';

const post = (message: PngDecodeMessage, transfer: Transferable[] = []) => postMessage(message, transfer);

/** Transfers a piece's memory when the piece owns all of it; copies it otherwise. */
function sendRows(id: number, rows: Uint8Array): void {
  const owned = rows.byteOffset === 0 && rows.byteLength === rows.buffer.byteLength && rows.buffer instanceof ArrayBuffer;
  const piece = owned ? rows : rows.slice();
  post({ id, type: 'rows', rows: piece }, [piece.buffer as ArrayBuffer]);
}

self.onmessage = async (event: MessageEvent<PngDecodeRequest>) => {
  const { id, file } = event.data;
  let bytes: Uint8Array | null = null;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
    const png = typeof DecompressionStream === 'function' ? grayPngData(bytes) : null;
    if (!png) return post({ id, type: 'declined', bytes }, [bytes.buffer as ArrayBuffer]);
    post({ id, type: 'header', header: png.header });
    await inflateInSlices(png.idat, (rows) => sendRows(id, rows));
    post({ id, type: 'end' });
  } catch {
    // A damaged deflate stream, or a file that could not be read: the page decodes (or re-reads) it and says why.
    post({ id, type: 'declined', bytes }, bytes ? [bytes.buffer as ArrayBuffer] : []);
  }
};
