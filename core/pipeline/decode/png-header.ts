import { ImageDecodeError } from './errors';
import { checkPixelBudget } from './pixel-budget';

/** What the PNG header (IHDR) says, read without decompressing anything. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** PNG colour type: 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  colorType: number;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ALLOWED_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

const truncated = () =>
  new ImageDecodeError('truncated', 'This PNG file is incomplete (it ends too early); it may have been cut off during copying or download.');
const animated = () =>
  new ImageDecodeError('unsupported', 'This is an animated PNG, which is not supported; please export a single still image (PNG, JPEG or DICOM).');
const corrupt = (why: string) => new ImageDecodeError('corrupt', `This PNG file is damaged: ${why}.`);

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

function chunkType(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
}

/** Reads IHDR, checks the pixel budget, then walks the chunk list (lengths only) so that a file cut
 *  short is reported as truncated instead of decoding into a silently partial image. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  // Signature (8) + IHDR length/type (8) + IHDR data (13).
  if (bytes.length < 8 + 8 + 13) throw truncated();
  for (let i = 0; i < 8; i++) if (bytes[i] !== PNG_SIGNATURE[i]) throw corrupt('the PNG signature is wrong');
  if (chunkType(bytes, 12) !== 'IHDR' || u32(bytes, 8) !== 13) throw corrupt('the image header (IHDR) is missing');
  const header: PngHeader = {
    width: u32(bytes, 16),
    height: u32(bytes, 20),
    bitDepth: bytes[24],
    colorType: bytes[25],
  };
  const depths = ALLOWED_DEPTHS[header.colorType];
  if (!depths) throw corrupt(`unknown colour type ${header.colorType}`);
  if (!depths.includes(header.bitDepth)) {
    throw corrupt(`bit depth ${header.bitDepth} is not allowed for colour type ${header.colorType}`);
  }
  checkPixelBudget(header.width, header.height);
  checkChunkChain(bytes, header);
  return header;
}

/** Deflate cannot compress better than 1032:1 (a 258-byte match in 2 bits), so image data smaller
 *  than this share of the pixels the header promises is certainly damaged or cut short: refusing it
 *  here spares the decoder allocating hundreds of MB for an 87-byte file that claims 7000 × 7000. */
const DEFLATE_MAX_RATIO = 1032;

function checkChunkChain(bytes: Uint8Array, header: PngHeader): void {
  let at = 8;
  let sawData = false;
  let dataBytes = 0;
  for (;;) {
    if (at + 8 > bytes.length) throw truncated();
    const length = u32(bytes, at);
    if (length > 0x7fffffff) throw corrupt('a chunk has an impossible length');
    const type = chunkType(bytes, at + 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw corrupt('the chunk structure is broken');
    const end = at + 8 + length + 4; // header + data + CRC
    if (end > bytes.length) throw truncated();
    // An animation control chunk: an animated PNG is not a radiograph, and its first frame may not be either.
    if (type === 'acTL') throw animated();
    if (type === 'IDAT') {
      sawData = true;
      dataBytes += length;
    }
    if (type === 'IEND') break;
    at = end;
  }
  if (!sawData) throw corrupt('it contains no image data (IDAT)');
  const channels = [1, 0, 3, 1, 2, 0, 4][header.colorType];
  const pixelBytes = (header.width * header.height * channels * header.bitDepth) / 8; // without filter bytes
  if (pixelBytes > DEFLATE_MAX_RATIO * dataBytes + 1024) {
    throw corrupt(`its image data (${dataBytes} bytes) is far too small for a ${header.width} × ${header.height} image`);
  }
}
