/** The frame header (SOF) of a JPEG / JPEG-LS codestream, found by walking its marker segments. */
export interface JpegFrameHeader {
  /** SOF marker byte: 0xC0 baseline, 0xC1 extended, 0xC3 lossless, 0xF7 JPEG-LS, ... */
  marker: number;
  precision: number;
  height: number;
  width: number;
  components: number;
}

/** Returns the first SOF segment, or undefined when the stream has none before its scan data. */
export function readJpegFrameHeader(bytes: Uint8Array): JpegFrameHeader | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) { at++; continue; }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data before any frame header
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    const sof = (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
    if (sof) {
      if (at + 10 > bytes.length) return undefined;
      return {
        marker,
        precision: bytes[at + 4],
        height: (bytes[at + 5] << 8) | bytes[at + 6],
        width: (bytes[at + 7] << 8) | bytes[at + 8],
        components: bytes[at + 9],
      };
    }
    at += 2 + length;
  }
  return undefined;
}
