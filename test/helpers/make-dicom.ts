/** A small DICOM writer for tests: Part 10 files (or bare datasets) with hand-chosen tags and
 *  pixel data in Explicit VR LE, Implicit VR LE, Explicit VR BE or Deflated Explicit VR LE, native
 *  or encapsulated (compressed frames given by the caller), including deliberately broken ones. */
import { deflateSync } from 'fflate';

export type DicomSyntax = 'explicit-le' | 'implicit-le' | 'explicit-be' | 'deflated-le';

export const TRANSFER_SYNTAX: Record<DicomSyntax, string> = {
  'implicit-le': '1.2.840.10008.1.2',
  'explicit-le': '1.2.840.10008.1.2.1',
  'explicit-be': '1.2.840.10008.1.2.2',
  'deflated-le': '1.2.840.10008.1.2.1.99',
};

/** Encapsulated pixel data (PS3.5 A.4): each frame split into fragments, with or without a Basic
 *  Offset Table. Written Explicit VR Little Endian; give `transferSyntaxUID` for the codec. */
export interface Encapsulated {
  frames: Uint8Array[];
  /** Fill the Basic Offset Table (default: leave it empty, as most modalities do). */
  offsetTable?: boolean;
  /** Split every frame into fragments of at most this many bytes (default: one fragment a frame). */
  fragmentSize?: number;
}

/** Strings for text VRs (arrays are joined with DICOM's backslash), numbers for binary VRs. */
export type DicomValue = string | number | Array<string | number> | Uint8Array;

export interface DicomElement {
  /** 0xGGGGEEEE */
  tag: number;
  vr: string;
  value: DicomValue;
}

export interface MakeDicomOptions {
  syntax?: DicomSyntax;
  /** Written into the meta header instead of the syntax's own UID (e.g. JPEG Baseline); the
   *  dataset is still encoded per `syntax`. */
  transferSyntaxUID?: string;
  /** false: no preamble, no 'DICM', no meta group — a bare dataset. Default true. */
  part10?: boolean;
  rows?: number;
  columns?: number;
  bitsAllocated?: 8 | 16;
  bitsStored?: number;
  highBit?: number;
  pixelRepresentation?: 0 | 1;
  photometric?: string;
  samplesPerPixel?: number;
  planarConfiguration?: 0 | 1;
  frames?: number;
  /** Stored values for all frames (and samples), written as-is (masked to 8/16 bits, so
   *  negative numbers become two's complement and high garbage bits survive). */
  pixels?: ArrayLike<number>;
  pixelVR?: 'OW' | 'OB';
  omitPixelData?: boolean;
  /** Length written in the PixelData header instead of the true one. */
  pixelDataLength?: number;
  /** Extra elements (patient, study, window, rescale...). */
  elements?: DicomElement[];
  /** Skip the Image Pixel module tags (Rows, Columns, ...), e.g. for a structured report. */
  omitImageModule?: boolean;
  /** Compressed pixel data instead of `pixels`. */
  encapsulated?: Encapsulated;
  /** SOP Class UID (default Digital X-Ray Image Storage – For Presentation). */
  sopClassUID?: string;
  /** Modality (default DX). */
  modality?: string;
}

const LONG_LENGTH_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const NUMERIC_VRS: Record<string, { size: number; write: (v: DataView, at: number, x: number, le: boolean) => void }> = {
  US: { size: 2, write: (v, at, x, le) => v.setUint16(at, x, le) },
  SS: { size: 2, write: (v, at, x, le) => v.setInt16(at, x, le) },
  UL: { size: 4, write: (v, at, x, le) => v.setUint32(at, x, le) },
  SL: { size: 4, write: (v, at, x, le) => v.setInt32(at, x, le) },
  FL: { size: 4, write: (v, at, x, le) => v.setFloat32(at, x, le) },
  FD: { size: 8, write: (v, at, x, le) => v.setFloat64(at, x, le) },
};

/** Value bytes, padded to even length (UI with NUL, other strings with space). */
function encodeValue(vr: string, value: DicomValue, littleEndian: boolean): Uint8Array {
  if (value instanceof Uint8Array) return value.length % 2 ? concat([value, new Uint8Array(1)]) : value;
  const numeric = NUMERIC_VRS[vr];
  if (numeric) {
    const values = (Array.isArray(value) ? value : [value]).map(Number);
    const bytes = new Uint8Array(values.length * numeric.size);
    const view = new DataView(bytes.buffer);
    values.forEach((x, i) => numeric.write(view, i * numeric.size, x, littleEndian));
    return bytes;
  }
  let text = Array.isArray(value) ? value.join('\\') : String(value);
  if (text.length % 2) text += vr === 'UI' ? '\0' : ' ';
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function encodeElement(el: DicomElement, explicit: boolean, littleEndian: boolean, lengthOverride?: number): Uint8Array {
  const value = encodeValue(el.vr, el.value, littleEndian);
  const length = lengthOverride ?? value.length;
  const long = !explicit || LONG_LENGTH_VRS.has(el.vr);
  const header = new Uint8Array(explicit ? (long ? 12 : 8) : 8);
  const view = new DataView(header.buffer);
  view.setUint16(0, el.tag >>> 16, littleEndian);
  view.setUint16(2, el.tag & 0xffff, littleEndian);
  if (!explicit) {
    view.setUint32(4, length, littleEndian);
  } else {
    header[4] = el.vr.charCodeAt(0);
    header[5] = el.vr.charCodeAt(1);
    if (long) view.setUint32(8, length, littleEndian);
    else view.setUint16(6, length, littleEndian);
  }
  return concat([header, value]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function pixelBytes(o: Required<Pick<MakeDicomOptions, 'bitsAllocated' | 'pixelVR'>>, pixels: ArrayLike<number>, littleEndian: boolean): Uint8Array {
  if (o.bitsAllocated === 16) {
    const bytes = new Uint8Array(pixels.length * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < pixels.length; i++) view.setUint16(2 * i, pixels[i] & 0xffff, littleEndian);
    return bytes;
  }
  const bytes = new Uint8Array(pixels.length + (pixels.length % 2));
  for (let i = 0; i < pixels.length; i++) bytes[i] = pixels[i] & 0xff;
  // 8-bit samples in an OW element are swapped within each 16-bit word in big endian.
  if (!littleEndian && o.pixelVR === 'OW') {
    for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  }
  return bytes;
}

export function makeDicom(options: MakeDicomOptions = {}): Uint8Array {
  const syntax = options.syntax ?? 'explicit-le';
  const explicit = syntax !== 'implicit-le';
  const littleEndian = syntax !== 'explicit-be';
  const rows = options.rows ?? 2;
  const columns = options.columns ?? 3;
  const bitsAllocated = options.bitsAllocated ?? 16;
  const samplesPerPixel = options.samplesPerPixel ?? 1;
  const frames = options.frames ?? 1;
  const pixelVR = options.pixelVR ?? (bitsAllocated === 8 ? 'OB' : 'OW');
  const pixels = options.pixels ?? Array.from({ length: rows * columns * samplesPerPixel * frames }, (_, i) => i);

  const elements: DicomElement[] = [
    // Default: Digital X-Ray Image Storage – For Presentation.
    { tag: 0x00080016, vr: 'UI', value: options.sopClassUID ?? '1.2.840.10008.5.1.4.1.1.1.1' },
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5.6.7.8' },
    { tag: 0x00080060, vr: 'CS', value: options.modality ?? 'DX' },
    ...(options.elements ?? []),
  ];
  if (!options.omitImageModule) {
    elements.push(
      { tag: 0x00280002, vr: 'US', value: samplesPerPixel },
      { tag: 0x00280004, vr: 'CS', value: options.photometric ?? 'MONOCHROME2' },
      { tag: 0x00280010, vr: 'US', value: rows },
      { tag: 0x00280011, vr: 'US', value: columns },
      { tag: 0x00280100, vr: 'US', value: bitsAllocated },
      { tag: 0x00280101, vr: 'US', value: options.bitsStored ?? bitsAllocated },
      { tag: 0x00280102, vr: 'US', value: options.highBit ?? (options.bitsStored ?? bitsAllocated) - 1 },
      { tag: 0x00280103, vr: 'US', value: options.pixelRepresentation ?? 0 },
    );
    if (samplesPerPixel > 1) elements.push({ tag: 0x00280006, vr: 'US', value: options.planarConfiguration ?? 0 });
    if (frames > 1) elements.push({ tag: 0x00280008, vr: 'IS', value: String(frames) });
  }
  elements.sort((a, b) => a.tag - b.tag);

  const parts = elements.map((el) => encodeElement(el, explicit, littleEndian));
  if (options.encapsulated) {
    parts.push(encapsulatedPixelData(options.encapsulated, explicit, littleEndian));
  } else if (!options.omitPixelData) {
    const value = pixelBytes({ bitsAllocated, pixelVR }, pixels, littleEndian);
    parts.push(encodeElement({ tag: 0x7fe00010, vr: pixelVR, value }, explicit, littleEndian, options.pixelDataLength));
  }
  let dataset = concat(parts);
  // PS3.5 A.5: the whole dataset after the meta group as one raw deflate stream.
  if (syntax === 'deflated-le') dataset = deflateSync(dataset);
  if (options.part10 === false) return dataset;
  return concat([makePart10Header(options.transferSyntaxUID ?? TRANSFER_SYNTAX[syntax]), dataset]);
}

/** 128-byte preamble, 'DICM', and the file meta group (always Explicit VR Little Endian). */
export function makePart10Header(transferSyntaxUID: string): Uint8Array {
  const meta = concat(
    [
      { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0, 1]) },
      { tag: 0x00020002, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1.1' },
      { tag: 0x00020003, vr: 'UI', value: '1.2.3.4.5.6.7.8' },
      { tag: 0x00020010, vr: 'UI', value: transferSyntaxUID },
      { tag: 0x00020012, vr: 'UI', value: '1.2.3.4' },
    ].map((el) => encodeElement(el, true, true)),
  );
  const groupLength = encodeElement({ tag: 0x00020000, vr: 'UL', value: meta.length }, true, true);
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128);
  return concat([preamble, groupLength, meta]);
}

/** Pixel Data of undefined length: Basic Offset Table item, fragment items, sequence delimiter. */
function encapsulatedPixelData(e: Encapsulated, explicit: boolean, littleEndian: boolean): Uint8Array {
  const item = (value: Uint8Array) => {
    const padded = value.length % 2 ? concat([value, new Uint8Array(1)]) : value;
    const header = new Uint8Array(8);
    const view = new DataView(header.buffer);
    view.setUint16(0, 0xfffe, littleEndian);
    view.setUint16(2, 0xe000, littleEndian);
    view.setUint32(4, padded.length, littleEndian);
    return concat([header, padded]);
  };
  const fragmentsOf = (frame: Uint8Array) => {
    const size = e.fragmentSize ?? frame.length;
    // Items are padded to even length: only a frame's last fragment may be odd before padding.
    if (size % 2 && size < frame.length) throw new Error('fragmentSize must be even');
    const out: Uint8Array[] = [];
    for (let at = 0; at < frame.length; at += size) out.push(item(frame.subarray(at, at + size)));
    return out;
  };
  const frames = e.frames.map((f) => concat(fragmentsOf(f)));
  const offsets = new Uint8Array(e.offsetTable ? 4 * frames.length : 0);
  let offset = 0;
  frames.forEach((f, i) => {
    if (e.offsetTable) new DataView(offsets.buffer).setUint32(4 * i, offset, littleEndian);
    offset += f.length;
  });
  const header = new Uint8Array(explicit ? 12 : 8);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0x7fe0, littleEndian);
  view.setUint16(2, 0x0010, littleEndian);
  if (explicit) {
    header.set([0x4f, 0x42], 4); // OB
    view.setUint32(8, 0xffffffff, littleEndian);
  } else {
    view.setUint32(4, 0xffffffff, littleEndian);
  }
  const delimiter = new Uint8Array(8);
  new DataView(delimiter.buffer).setUint16(0, 0xfffe, littleEndian);
  new DataView(delimiter.buffer).setUint16(2, 0xe0dd, littleEndian);
  return concat([header, item(offsets), ...frames, delimiter]);
}

/** Value of an SQ element with defined lengths: one item per element list (Explicit VR LE unless told). */
export function sequenceValue(items: DicomElement[][], explicit = true, littleEndian = true): Uint8Array {
  return concat(
    items.map((elements) => {
      const body = concat(elements.map((el) => encodeElement(el, explicit, littleEndian)));
      const header = new Uint8Array(8);
      const view = new DataView(header.buffer);
      view.setUint16(0, 0xfffe, littleEndian);
      view.setUint16(2, 0xe000, littleEndian);
      view.setUint32(4, body.length, littleEndian);
      return concat([header, body]);
    }),
  );
}
