import { hasDicmPrefix } from './dicom-file';
import { PNG_SIGNATURE } from './png-header';

/** What the first bytes (and, for DICOM without a header, the name) say the file is. */
export type Sniffed =
  | { kind: 'png' | 'jpeg' | 'dicom' }
  /** No 'DICM' signature, but the first bytes are a plausible DICOM tag: a bare dataset. */
  | { kind: 'bare-dicom' }
  /** No 'DICM' signature and nothing DICOM-like in the content, only a .dcm-like name. */
  | { kind: 'maybe-dicom' }
  /** A known format we refuse; `name` is what to call it in the message. */
  | { kind: 'other'; name: string }
  | { kind: 'unknown' };

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** Formats people plausibly upload by mistake, recognised only to name them in the refusal. */
const OTHER_FORMATS: Array<{ name: string; test: (b: Uint8Array) => boolean }> = [
  { name: 'GIF', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { name: 'PDF', test: (b) => startsWith(b, ascii('%PDF')) },
  { name: 'TIFF', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'WebP', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'BMP', test: (b) => startsWith(b, ascii('BM')) && b.length >= 26 && b[14] <= 124 && b[15] === 0 },
  { name: 'JPEG 2000', test: (b) => startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(b, [0xff, 0x4f, 0xff, 0x51]) },
  { name: 'HEIC/HEIF', test: (b) => startsWith(b, ascii('ftyp'), 4) && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(String.fromCharCode(...b.subarray(8, 12))) },
  { name: 'ZIP archive', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
];

export function sniffFormat(bytes: Uint8Array, fileName?: string): Sniffed {
  if (startsWith(bytes, PNG_SIGNATURE)) return { kind: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
  if (hasDicmPrefix(bytes)) return { kind: 'dicom' };
  for (const format of OTHER_FORMATS) if (format.test(bytes)) return { kind: 'other', name: format.name };
  if (looksLikeBareDicom(bytes)) return { kind: 'bare-dicom' };
  if (/\.(dcm|dicom|dic)$/i.test(fileName ?? '')) return { kind: 'maybe-dicom' };
  return { kind: 'unknown' };
}

/** A bare dataset starts with a little-endian tag of group 0x0002 or 0x0008 (file meta or
 *  identifying attributes), elements in ascending order. */
function looksLikeBareDicom(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const group = bytes[0] | (bytes[1] << 8);
  return (group === 0x0002 || group === 0x0008) && bytes[3] === 0x00;
}
