import { encode } from 'fast-png';

export interface PngSpec {
  width: number;
  height: number;
  /** Interleaved samples (gray, gray+alpha, RGB or RGBA), or palette indices when `palette` is set. */
  data: ArrayLike<number>;
  channels: 1 | 2 | 3 | 4;
  /** 1/2/4 only for gray or palette; samples are packed here, rows padded to whole bytes. */
  depth?: 1 | 2 | 4 | 8 | 16;
  /** [r, g, b] or [r, g, b, a] entries; makes an indexed-colour PNG (channels must be 1, depth 8). */
  palette?: number[][];
}

/** Encodes a PNG with fast-png (the library the decoder uses) for round-trip tests. */
export function makePng(spec: PngSpec): Uint8Array {
  const depth = spec.depth ?? 8;
  const data =
    depth === 16 ? Uint16Array.from(spec.data) : depth < 8 ? packBits(spec, depth) : Uint8Array.from(spec.data);
  return encode({ width: spec.width, height: spec.height, data, depth, channels: spec.channels, palette: spec.palette });
}

function packBits(spec: PngSpec, depth: number): Uint8Array {
  const rowBytes = Math.ceil((spec.width * depth) / 8);
  const out = new Uint8Array(rowBytes * spec.height);
  for (let y = 0; y < spec.height; y++) {
    for (let x = 0; x < spec.width; x++) {
      const bit = x * depth;
      out[y * rowBytes + (bit >> 3)] |= spec.data[y * spec.width + x] << (8 - depth - (bit & 7));
    }
  }
  return out;
}

/** Just the signature and an IHDR claiming `width` × `height` 8-bit gray: no pixel data at all. */
export function makePngHeaderOnly(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(8 + 8 + 13 + 4);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12); // 'IHDR'
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24); // depth 8, gray, deflate, adaptive filter, no interlace
  return bytes; // CRC left zero: it is never checked before the size
}
