import type { PngHeader } from '../../core/pipeline/decode/png-header';

/** Page → worker: decode this file (a Blob the worker reads itself; nothing is copied through the page). */
export interface PngDecodeRequest {
  id: number;
  file: Blob;
}

/** Worker → page, for request `id`, in this order:
 *  - `header`: the file is read and is a gray PNG the fast path takes;
 *  - `rows`: inflated image data, in order (the page unfilters each piece as it comes);
 *  - `end`: all image data sent.
 *  Or, at any point, `declined` with the file's bytes (when they were read): the page decodes them itself,
 *  the usual way, which also explains whatever is wrong with the file. */
export type PngDecodeMessage =
  | { id: number; type: 'header'; header: PngHeader }
  | { id: number; type: 'rows'; rows: Uint8Array }
  | { id: number; type: 'end' }
  | { id: number; type: 'declined'; bytes: Uint8Array | null };
