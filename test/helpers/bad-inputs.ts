/** The bad-input corpus: every kind of file a reader might drop by mistake (or a hostile one),
 *  generated here so that the tests run everywhere, each with what the page must say about it.
 *  Used by the decoder unit tests and by the browser test that drops them into the page. */
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { encode as jpegEncode } from 'jpeg-js';
import type { ImageDecodeErrorCode } from '../../core/pipeline/decode/errors';
import { makeHandDicom, makeHandJpeg, makeHandPixels, makeHandPng, HAND_HEIGHT, HAND_WIDTH } from '../browser/fixtures';
import { concat, makeDicom } from './make-dicom';
import { makePng, makePngHeaderOnly } from './make-png';

/** What must happen to a file: a clean refusal with this code and message, or a decoded image. */
export type Expectation =
  | { refused: ImageDecodeErrorCode; message: RegExp }
  | { decodes: true; notice?: RegExp };

export interface BadInput {
  id: string;
  fileName: string;
  bytes: () => Uint8Array;
  /** What decodeImage does with it. */
  decoder: Expectation;
  /** What the page does, when it differs from the decoder (it also refuses images too small to estimate). */
  page?: Expectation;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

// ---- PNG chunk surgery (for the animated PNG) --------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Chunks of a PNG: [offset, type, data]. */
export function pngChunks(png: Uint8Array): Array<{ at: number; type: string; data: Uint8Array }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ at, type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** A real two-frame APNG (acTL, fcTL, IDAT, fcTL, fdAT) built from a still PNG. */
export function makeAnimatedPng(): Uint8Array {
  const still = makePng({ width: 64, height: 64, data: Array.from({ length: 64 * 64 }, (_, i) => i & 0xff), channels: 1 });
  const chunks = pngChunks(still);
  const ihdr = chunks.find((c) => c.type === 'IHDR')!;
  const idat = concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const u32 = (...xs: number[]) => {
    const b = new Uint8Array(4 * xs.length);
    xs.forEach((x, i) => new DataView(b.buffer).setUint32(4 * i, x));
    return b;
  };
  // fcTL: sequence, width, height, x, y, delay num/den (u16 each), dispose, blend.
  const fctl = (seq: number) => concat([u32(seq, 64, 64, 0, 0), new Uint8Array([0, 1, 0, 10, 0, 0])]);
  return concat([
    still.subarray(0, 8),
    pngChunk('IHDR', ihdr.data),
    pngChunk('acTL', u32(2, 0)),
    pngChunk('fcTL', fctl(0)),
    pngChunk('IDAT', idat),
    pngChunk('fcTL', fctl(1)),
    pngChunk('fdAT', concat([u32(2), idat])),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

// ---- JPEG -------------------------------------------------------------------------------------

/** A colour photograph: smooth hue gradients (not a radiograph, but a perfectly good JPEG). */
export function makeRgbPhotoJpeg(width = 320, height = 240): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      rgba[i] = (x * 255) / width;
      rgba[i + 1] = (y * 255) / height;
      rgba[i + 2] = 128 + 100 * Math.sin((x + y) / 20);
      rgba[i + 3] = 255;
    }
  }
  return new Uint8Array(jpegEncode({ data: rgba as unknown as Buffer, width, height }, 90).data);
}

/** Index of the first SOFn segment marker (FFCn) in a JPEG. */
function findSof(jpeg: Uint8Array): number {
  for (let at = 2; at + 4 <= jpeg.length; ) {
    const marker = jpeg[at + 1];
    if (marker >= 0xc0 && marker <= 0xc2) return at;
    at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
  }
  throw new Error('no SOF');
}

/** A CMYK (Adobe, 4-component) JPEG as print workflows write them: Adobe APP14 marker and a
 *  four-component frame header. (The scan data is the RGB encoder's: the decoder refuses CMYK
 *  from the frame header, before any scan data is read.) */
export function makeCmykJpeg(): Uint8Array {
  const rgb = makeRgbPhotoJpeg(64, 48);
  const sof = findSof(rgb);
  const length = (rgb[sof + 2] << 8) | rgb[sof + 3];
  const header = rgb.slice(sof, sof + 2 + length);
  const cmykSof = concat([header, new Uint8Array([4, 0x11, 0])]);
  cmykSof[3] = (length + 3) & 0xff;
  cmykSof[2] = (length + 3) >> 8;
  cmykSof[9] = 4; // components
  // APP14 "Adobe": version 100, flags0, flags1, transform 2 (YCCK).
  const adobe = concat([new Uint8Array([0xff, 0xee, 0, 14]), ascii('Adobe'), new Uint8Array([0, 100, 0, 0, 0, 0, 2])]);
  return concat([rgb.subarray(0, 2), adobe, rgb.subarray(2, sof), cmykSof, rgb.subarray(sof + 2 + length)]);
}

/** A valid small PNG whose header (CRC fixed) claims 7000 × 7000 16-bit RGBA: 87 bytes promising 392 MB. */
export function makePngClaimingHuge(): Uint8Array {
  const png = makePng({ width: 40, height: 32, channels: 1, data: new Array(40 * 32).fill(7) });
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  view.setUint32(16, 7000);
  view.setUint32(20, 7000);
  png[24] = 16;
  png[25] = 6;
  view.setUint32(29, crc32(png.subarray(12, 29)));
  return png;
}

/** Just enough JPEG to state a size: SOI, a baseline SOF claiming `width` × `height`, SOS, EOI. */
export function makeJpegHeaderOnly(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0,
    0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0,
    0x12, 0x34,
    0xff, 0xd9,
  ]);
}

// ---- other formats ----------------------------------------------------------------------------

/** A two-frame animated GIF89a (NETSCAPE2.0 looping), 2 × 2 pixels. */
export function makeAnimatedGif(): Uint8Array {
  const frame = [
    0x21, 0xf9, 4, 0, 10, 0, 0, 0, // graphic control: delay 10
    0x2c, 0, 0, 0, 0, 2, 0, 2, 0, 0, // image descriptor 2×2, no local table
    2, 2, 0x44, 0x01, 0, // LZW min code size 2, one sub-block, terminator
  ];
  return new Uint8Array([
    ...ascii('GIF89a'), 2, 0, 2, 0, 0x80, 0, 0, // logical screen 2×2, 2-colour global table
    0, 0, 0, 255, 255, 255,
    0x21, 0xff, 11, ...ascii('NETSCAPE2.0'), 3, 1, 0, 0, 0,
    ...frame,
    ...frame,
    0x3b,
  ]);
}

export function makePdf(): Uint8Array {
  return ascii(
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
      'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
  );
}

/** A 16-bit gray PNG of the synthetic hand (values × 257, so 0–65535). */
export function makeHand16BitPng(): Uint8Array {
  const px = makeHandPixels();
  return makePng({ width: HAND_WIDTH, height: HAND_HEIGHT, data: Array.from(px, (v) => v * 257), channels: 1, depth: 16 });
}

/** A file of `bytes` zeros in /tmp that takes no disk space (sparse) and is never in memory. */
export function makeSparseFile(path: string, bytes: number): string {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return path;
}

export const BIG_FILE_BYTES = 200 * 2 ** 20;

// ---- the corpus -------------------------------------------------------------------------------

const TRUNC_PNG = /^This PNG file is incomplete \(it ends too early\)/;
const TRUNC_JPEG = /^This JPEG file is incomplete \(it ends too early\)/;
const TRUNC_DICOM = /^(This DICOM file is incomplete|The pixel data in this DICOM file is incomplete)/;
const NOT_AN_IMAGE = /^Not a PNG, JPEG or DICOM image/;
const TOO_LARGE_30K = /^The image is too large to open \(30000 × 30000 pixels, 900\.0 megapixels\); the limit is 50 megapixels/;
const TOO_SMALL = /^The image is too small to estimate a bone age from \(1 × 1 pixels; at least 64 × 64 is needed\)/;

/** A PNG, a JPEG and a DICOM file (all of the synthetic hand), each cut at several offsets. */
function truncations(): BadInput[] {
  const png = makeHandPng();
  const jpeg = makeHandJpeg();
  const dicom = makeHandDicom();
  const cuts = (n: number) => [Math.floor(n / 2), n - 1];
  return [
    { id: 'png-cut-4', fileName: 'cut.png', bytes: () => png.subarray(0, 4), decoder: { refused: 'unknown-format', message: NOT_AN_IMAGE } },
    ...[33, 60, ...cuts(png.length)].map((cut): BadInput => ({
      id: `png-cut-${cut}`,
      fileName: 'cut.png',
      bytes: () => png.subarray(0, cut),
      decoder: { refused: 'truncated', message: TRUNC_PNG },
    })),
    { id: 'jpeg-cut-2', fileName: 'cut.jpg', bytes: () => jpeg.subarray(0, 2), decoder: { refused: 'unknown-format', message: NOT_AN_IMAGE } },
    ...[100, 300, ...cuts(jpeg.length)].map((cut): BadInput => ({
      id: `jpeg-cut-${cut}`,
      fileName: 'cut.jpg',
      bytes: () => jpeg.subarray(0, cut),
      decoder: { refused: 'truncated', message: TRUNC_JPEG },
    })),
    // Cut inside the 128-byte preamble: nothing says DICOM any more but the name.
    { id: 'dicom-cut-100', fileName: 'cut.dcm', bytes: () => dicom.subarray(0, 100), decoder: { refused: 'unknown-format', message: /^Not a PNG, JPEG or DICOM image: the file has no DICOM signature/ } },
    ...[140, 200, 400, ...cuts(dicom.length)].map((cut): BadInput => ({
      id: `dicom-cut-${cut}`,
      fileName: 'cut.dcm',
      bytes: () => dicom.subarray(0, cut),
      decoder: { refused: 'truncated', message: TRUNC_DICOM },
    })),
  ];
}

/** DICOM files whose length fields lie. */
function lyingDicoms(): BadInput[] {
  const base = { rows: 64, columns: 64, bitsAllocated: 16 as const, pixels: Array.from({ length: 64 * 64 }, (_, i) => i) };
  // The patient's name claims 5000 bytes: it swallows the rest of the file.
  const nameLies = () => {
    const bytes = makeDicom({ ...base, elements: [{ tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' }] });
    const at = findAscii(bytes, 'PN') ;
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(at + 2, 5000, true);
    return bytes;
  };
  return [
    {
      id: 'dicom-pixel-length-huge',
      fileName: 'lies.dcm',
      bytes: () => makeDicom({ ...base, pixelDataLength: 0x7ffffff0 }),
      decoder: { refused: 'truncated', message: /^The pixel data in this DICOM file is incomplete/ },
    },
    {
      id: 'dicom-pixel-length-short',
      fileName: 'lies.dcm',
      // The pixel element says 1000 bytes, the image needs 8192; the rest follows as junk.
      bytes: () => makeDicom({ ...base, pixelDataLength: 1000 }),
      decoder: { refused: 'truncated', message: /^(The pixel data in this DICOM file is incomplete|This DICOM file is incomplete)/ },
    },
    {
      id: 'dicom-name-length-lies',
      fileName: 'lies.dcm',
      bytes: nameLies,
      decoder: { refused: 'truncated', message: TRUNC_DICOM },
    },
  ];
}

function findAscii(bytes: Uint8Array, text: string, from = 132): number {
  const codes = ascii(text);
  for (let i = from; i + codes.length <= bytes.length; i++) {
    if (codes.every((c, k) => bytes[i + k] === c)) return i;
  }
  throw new Error(`${text} not found`);
}

export function badInputs(): BadInput[] {
  return [
    { id: 'empty', fileName: 'empty.png', bytes: () => new Uint8Array(0), decoder: { refused: 'empty', message: /^This file is empty \(0 bytes\)\.$/ } },
    ...truncations(),
    { id: 'random-dcm', fileName: 'random.dcm', bytes: () => randomBytes(20_000, 7), decoder: { refused: 'unknown-format', message: NOT_AN_IMAGE } },
    {
      id: 'dicom-no-pixels',
      fileName: 'no-pixels.dcm',
      bytes: () => makeDicom({ rows: 64, columns: 64, omitPixelData: true }),
      decoder: { refused: 'no-pixel-data', message: /^This DICOM file describes an image but contains no pixel data/ },
    },
    ...lyingDicoms(),
    { id: 'rgb-photo', fileName: 'holiday.jpg', bytes: () => makeRgbPhotoJpeg(), decoder: { decodes: true, notice: /^Colour image converted to grayscale\.$/ } },
    { id: 'cmyk-photo', fileName: 'print.jpg', bytes: makeCmykJpeg, decoder: { refused: 'unsupported', message: /^This JPEG uses CMYK colour, which is not supported/ } },
    {
      id: 'png-1x1',
      fileName: 'dot.png',
      bytes: () => makePng({ width: 1, height: 1, data: [128], channels: 1 }),
      decoder: { decodes: true },
      page: { refused: 'too-small', message: TOO_SMALL },
    },
    { id: 'png-30000', fileName: 'huge.png', bytes: () => makePngHeaderOnly(30000, 30000), decoder: { refused: 'too-large', message: TOO_LARGE_30K } },
    { id: 'jpeg-30000', fileName: 'huge.jpg', bytes: () => makeJpegHeaderOnly(30000, 30000), decoder: { refused: 'too-large', message: TOO_LARGE_30K } },
    {
      id: 'dicom-30000',
      fileName: 'huge.dcm',
      bytes: () => makeDicom({ rows: 30000, columns: 30000, pixels: [0, 0, 0, 0] }),
      decoder: { refused: 'too-large', message: TOO_LARGE_30K },
    },
    {
      id: 'png-tiny-claims-huge',
      fileName: 'bomb.png',
      bytes: makePngClaimingHuge,
      decoder: { refused: 'corrupt', message: /^This PNG file is damaged: its image data \(\d+ bytes\) is far too small for a 7000 × 7000 image\.$/ },
    },
    {
      id: 'jpeg-tiny-claims-huge',
      fileName: 'bomb.jpg',
      bytes: () => makeJpegHeaderOnly(7000, 7000),
      decoder: { refused: 'corrupt', message: /^This JPEG file is damaged: its image data \(\d+ bytes\) is far too small for a 7000 × 7000 image\.$/ },
    },
    { id: 'png-16bit', fileName: 'hand16.png', bytes: makeHand16BitPng, decoder: { decodes: true } },
    { id: 'apng', fileName: 'animated.png', bytes: makeAnimatedPng, decoder: { refused: 'unsupported', message: /^This is an animated PNG, which is not supported/ } },
    { id: 'gif', fileName: 'animated.gif', bytes: makeAnimatedGif, decoder: { refused: 'unsupported', message: /^This is a GIF file, which is not supported/ } },
    { id: 'pdf', fileName: 'report.pdf', bytes: makePdf, decoder: { refused: 'unsupported', message: /^This is a PDF file, which is not supported/ } },
  ];
}

/** What the page must do with an input: its page expectation if it has one, else the decoder's. */
export function pageExpectation(input: BadInput): Expectation {
  return input.page ?? input.decoder;
}
