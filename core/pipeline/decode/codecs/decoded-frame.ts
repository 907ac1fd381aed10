/** One compressed frame after decoding: samples as the codec gave them, right-aligned (no High
 *  Bit shift), 8-bit samples in a Uint8Array, wider ones in a Uint16Array (signed data as its
 *  two's-complement bit pattern). Colour comes interleaved (RGBRGB...) unless `planar`. */
export interface DecodedFrame {
  width: number;
  height: number;
  components: number;
  /** Precision the codec decoded at (the JPEG / J2K sample precision). */
  bitsPerSample: number;
  samples: Uint8Array | Uint16Array;
  planar: boolean;
}
