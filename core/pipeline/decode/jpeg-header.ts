import { ImageDecodeError } from './errors';
import { checkPixelBudget } from './pixel-budget';

/** What the JPEG frame header (SOF) says, read by walking the marker segments only. */
export interface JpegHeader {
  width: number;
  height: number;
  /** Bits per sample (8 for ordinary JPEG; 12 and 16 exist in medical "extended"/lossless JPEG). */
  precision: number;
  /** 1 gray, 3 colour (YCbCr/RGB), 4 CMYK. */
  components: number;
  /** SOF marker byte (0xC0 baseline, 0xC2 progressive, ...). */
  sofMarker: number;
}

const truncated = () =>
  new ImageDecodeError('truncated', 'This JPEG file is incomplete (it ends too early); it may have been cut off during copying or download.');
const corrupt = (why: string) => new ImageDecodeError('corrupt', `This JPEG file is damaged: ${why}.`);
const unsupported = (what: string) =>
  new ImageDecodeError('unsupported', `This JPEG uses ${what}, which is not supported; please export it as an ordinary JPEG, PNG or uncompressed DICOM.`);

/** SOF markers other than 0xC4 (DHT), 0xC8 (JPG) and 0xCC (DAC). */
function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

/** Reads SOF, checks the pixel budget and that the image is complete (an end-of-image marker
 *  follows the scan data), and refuses the JPEG flavours our decoder cannot handle. */
export function readJpegHeader(bytes: Uint8Array): JpegHeader {
  if (bytes.length < 4) throw truncated();
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw corrupt('the start-of-image marker is missing');
  let at = 2;
  let header: JpegHeader | undefined;
  for (;;) {
    if (at + 2 > bytes.length) throw truncated();
    if (bytes[at] !== 0xff) throw corrupt('the marker structure is broken');
    const marker = bytes[at + 1];
    if (marker === 0xff) { at++; continue; } // fill byte before a marker
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd9) throw corrupt('it ends before any image data');
    if (at + 4 > bytes.length) throw truncated();
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (length < 2) throw corrupt('a segment has an impossible length');
    if (isSof(marker)) {
      if (at + 4 + 6 > bytes.length) throw truncated();
      header = {
        precision: bytes[at + 4],
        height: (bytes[at + 5] << 8) | bytes[at + 6],
        width: (bytes[at + 7] << 8) | bytes[at + 8],
        components: bytes[at + 9],
        sofMarker: marker,
      };
      checkFlavour(header);
      checkPixelBudget(header.width, header.height);
    }
    if (marker === 0xda) {
      if (!header) throw corrupt('the image data starts before the frame header');
      checkEndOfImage(bytes, at + 2 + length);
      checkScanSize(header, bytes.length - (at + 2 + length));
      return header;
    }
    at += 2 + length;
  }
}

function checkFlavour(h: JpegHeader): void {
  const m = h.sofMarker;
  if (m === 0xc3 || m === 0xc7 || m === 0xcb || m === 0xcf) throw unsupported('lossless JPEG compression');
  if (m >= 0xc9) throw unsupported('arithmetic coding');
  if (m === 0xc5 || m === 0xc6) throw unsupported('hierarchical JPEG');
  if (h.precision !== 8) throw unsupported(`${h.precision}-bit samples`);
  if (h.components === 4) throw unsupported('CMYK colour');
  if (h.components !== 1 && h.components !== 3) throw corrupt(`it declares ${h.components} colour components`);
}

/** Every 8 × 8 block of the first component costs at least one Huffman-coded bit (its DC value) in
 *  any baseline or progressive JPEG, so a file with fewer scan bytes than blocks / 8 (halved here,
 *  for slack) cannot hold the image its header states. Refusing it here spares the decoder seconds
 *  and hundreds of MB for a 29-byte file that claims 7000 × 7000. */
function checkScanSize(h: JpegHeader, scanBytes: number): void {
  const blocks = Math.ceil(h.width / 8) * Math.ceil(h.height / 8);
  if (scanBytes < blocks / 16) {
    throw corrupt(`its image data (${scanBytes} bytes) is far too small for a ${h.width} × ${h.height} image`);
  }
}

/** The scan data must be followed by FFD9 somewhere; trailing bytes after it are tolerated. */
function checkEndOfImage(bytes: Uint8Array, scanStart: number): void {
  for (let i = bytes.length - 2; i >= scanStart; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return;
  }
  throw truncated();
}
