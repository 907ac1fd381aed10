/** The encoders that ship in the full (encode + decode) builds of the cornerstone codec packages,
 *  for tests to make JPEG Baseline, JPEG-LS and JPEG 2000 codestreams from known pixels. */
import charlsFactory from '@cornerstonejs/codec-charls/wasmjs';
import libjpegFactory from '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs';
import openjpegFactory from '@cornerstonejs/codec-openjpeg/wasmjs';

export interface RawFrame {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
  /** Interleaved samples (RGBRGB... for colour), unless an encoder says otherwise. */
  samples: ArrayLike<number>;
}

interface Encoder {
  getDecodedBuffer(info: object): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  encode(): void;
  delete(): void;
  setQuality?(...args: unknown[]): void;
  setProgressive?(progressive: boolean): void;
  setNearLossless?(n: number): void;
  setInterleaveMode?(mode: number): void;
  setCompressionRatio?(layer: number, ratio: number): void;
  setDecompositions?(n: number): void;
}
type Module = Record<string, new () => Encoder>;

// A fresh object each time: Emscripten adopts it as the Module and writes into it.
const quiet = () => ({ print: () => {}, printErr: () => {} });
let modules: Promise<{ jpeg: Module; ls: Module; j2k: Module }> | undefined;
function load() {
  modules ??= Promise.all([libjpegFactory(quiet()), charlsFactory(quiet()), openjpegFactory(quiet())]).then(([jpeg, ls, j2k]) => ({
    jpeg: jpeg as Module,
    ls: ls as Module,
    j2k: j2k as Module,
  }));
  return modules;
}

function run(encoder: Encoder, frame: RawFrame, configure: (e: Encoder) => void): Uint8Array {
  try {
    const info = {
      width: frame.width,
      height: frame.height,
      bitsPerSample: frame.bitsPerSample,
      componentCount: frame.componentCount,
      isSigned: frame.isSigned ?? false,
      isUsingColorTransform: false,
    };
    const input = encoder.getDecodedBuffer(info);
    const wide = frame.bitsPerSample > 8;
    const bytes = new Uint8Array(frame.samples.length * (wide ? 2 : 1));
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < frame.samples.length; i++) {
      if (wide) view.setUint16(2 * i, frame.samples[i] & 0xffff, true);
      else bytes[i] = frame.samples[i] & 0xff;
    }
    input.set(bytes);
    configure(encoder);
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

/** JPEG Baseline (8-bit sequential DCT, SOF0) at libjpeg quality 1–100. The encoder defaults
 *  to progressive, which DICOM's JPEG Baseline syntax does not allow. */
export async function encodeJpegBaseline(frame: RawFrame, quality = 90): Promise<Uint8Array> {
  const { jpeg } = await load();
  return run(new jpeg.JPEGEncoder(), frame, (e) => {
    e.setProgressive?.(false);
    e.setQuality?.(quality);
  });
}

/** JPEG-LS; nearLossless 0 is lossless, n > 0 bounds every sample's error by n. For colour,
 *  interleaveMode 0 (none: give the samples planar, RRR…GGG…BBB…), 1 (line) or 2 (sample). */
export async function encodeJpegLs(frame: RawFrame, nearLossless = 0, interleaveMode?: 0 | 1 | 2): Promise<Uint8Array> {
  const { ls } = await load();
  return run(new ls.JpegLSEncoder(), frame, (e) => {
    e.setNearLossless?.(nearLossless);
    if (interleaveMode !== undefined) e.setInterleaveMode?.(interleaveMode);
  });
}

/** JPEG 2000 codestream: reversible 5/3 wavelet (lossless) or, with a compression ratio,
 *  the irreversible 9/7 one (lossy; the ratio goes to OpenJPEG as given, the size is not checked). */
export async function encodeJ2k(frame: RawFrame, options: { compressionRatio?: number; decompositions?: number } = {}): Promise<Uint8Array> {
  const { j2k } = await load();
  return run(new j2k.J2KEncoder(), frame, (e) => {
    if (options.decompositions !== undefined) e.setDecompositions?.(options.decompositions);
    if (options.compressionRatio) {
      e.setQuality?.(false, 0);
      e.setCompressionRatio?.(0, options.compressionRatio);
    }
  });
}
