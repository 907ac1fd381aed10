import { ImageDecodeError } from '../errors';
import type { DecodedFrame } from './decoded-frame';

/** The WebAssembly codecs (cornerstone's builds of libjpeg-turbo, CharLS and OpenJPEG). Each is
 *  loaded on first need only (dynamic import + wasm fetch), so a page that never sees a JPEG 2000
 *  file never downloads OpenJPEG. Decoding itself is synchronous once a codec is loaded. */
export type WasmCodec = 'jpeg-dct' | 'jpeg-ls' | 'j2k';

const CODEC_NAMES: Record<WasmCodec, string> = {
  'jpeg-dct': 'JPEG (libjpeg-turbo)',
  'jpeg-ls': 'JPEG-LS (CharLS)',
  j2k: 'JPEG 2000 (OpenJPEG)',
};

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
}

/** The embind decoder classes share this shape. */
interface EmbindDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getDecodedBuffer(): Uint8Array;
  getInterleaveMode?(): number;
  delete(): void;
}

interface CodecModule {
  JPEGDecoder?: new () => EmbindDecoder;
  JpegLSDecoder?: new () => EmbindDecoder;
  J2KDecoder?: new () => EmbindDecoder;
}

type Factory = (moduleArg?: Record<string, unknown>) => Promise<unknown>;

const IMPORTERS: Record<WasmCodec, () => Promise<unknown>> = {
  'jpeg-dct': () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'),
  'jpeg-ls': () => import('@cornerstonejs/codec-charls/decodewasmjs'),
  j2k: () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
};

/** Where the browser finds each .wasm (set by the page from bundler-emitted URLs). Node needs
 *  none: the Emscripten glue reads the .wasm beside itself. */
const wasmUrls: Partial<Record<WasmCodec, string>> = {};

export function setCodecWasmUrls(urls: Partial<Record<WasmCodec, string>>): void {
  Object.assign(wasmUrls, urls);
}

/** A programming error, not a bad file: decodeImageSync met a codec nobody loaded. */
export class CodecNotLoadedError extends Error {
  constructor(codec: WasmCodec) {
    super(`Codec ${codec} used before loadCodec() finished; decode with decodeImage, or await prepareDecoders first.`);
    this.name = 'CodecNotLoadedError';
  }
}

const loading = new Map<WasmCodec, Promise<CodecModule>>();
const loaded = new Map<WasmCodec, CodecModule>();

export function isCodecLoaded(codec: WasmCodec): boolean {
  return loaded.has(codec);
}

/** Loads (once) and initialises a codec; later calls share the same promise. */
export function loadCodec(codec: WasmCodec): Promise<void> {
  let promise = loading.get(codec);
  if (!promise) {
    promise = instantiate(codec);
    loading.set(codec, promise);
    // A failed load may be retried by a later file (e.g. after a network hiccup).
    promise.catch(() => loading.delete(codec));
  }
  return promise.then(() => undefined);
}

async function instantiate(codec: WasmCodec): Promise<CodecModule> {
  try {
    const imported = (await IMPORTERS[codec]()) as { default?: Factory } | Factory;
    const factory = (typeof imported === 'function' ? imported : imported.default) as Factory;
    const url = wasmUrls[codec];
    const module = (await factory({
      ...(url ? { locateFile: (path: string) => (path.endsWith('.wasm') ? url : path) } : {}),
      // OpenJPEG logs every header it reads; the reader needs none of it.
      print: () => {},
      printErr: () => {},
    })) as CodecModule;
    loaded.set(codec, module);
    return module;
  } catch (thrown) {
    throw new ImageDecodeError('unsupported', `The ${CODEC_NAMES[codec]} decoder could not be loaded, so this DICOM file cannot be shown.`, {
      cause: thrown,
    });
  }
}

/** Decodes one frame with a codec loaded beforehand by loadCodec. */
export function decodeWithWasmCodec(codec: WasmCodec, frame: Uint8Array, syntaxName: string): DecodedFrame {
  const module = loaded.get(codec);
  if (!module) throw new CodecNotLoadedError(codec);
  const Decoder = codec === 'jpeg-dct' ? module.JPEGDecoder : codec === 'jpeg-ls' ? module.JpegLSDecoder : module.J2KDecoder;
  if (!Decoder) throw new Error(`Codec module ${codec} has no decoder class.`);
  const decoder = new Decoder();
  try {
    decoder.getEncodedBuffer(frame.length).set(frame);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const decoded = decoder.getDecodedBuffer(); // a view into wasm memory: copy before delete()
    const wide = info.bitsPerSample > 8;
    const bytes = decoded.slice();
    const expected = info.width * info.height * info.componentCount * (wide ? 2 : 1);
    if (bytes.length < expected) throw new Error(`decoder returned ${bytes.length} of ${expected} bytes`);
    // CharLS returns colour planes one after another when the stream is not interleaved (mode 0).
    const planar = codec === 'jpeg-ls' && info.componentCount > 1 && decoder.getInterleaveMode?.() === 0;
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      bitsPerSample: info.bitsPerSample,
      samples: wide ? new Uint16Array(bytes.buffer, 0, expected / 2) : bytes.subarray(0, expected),
      planar,
    };
  } catch (thrown) {
    throw new ImageDecodeError('corrupt', `The ${syntaxName} pixel data of this DICOM file is damaged and could not be decoded.`, {
      cause: thrown,
    });
  } finally {
    decoder.delete();
  }
}
