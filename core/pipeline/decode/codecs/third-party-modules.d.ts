/** Types for the codec packages, which ship none (or none that resolve). Only what we call. */

declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    constructor(buffer?: ArrayBuffer, numBytes?: number);
    decode(buffer: ArrayBuffer, offset: number, length: number, numBytes?: number): Uint8Array | Uint16Array;
    xDim: number;
    yDim: number;
    numComp: number;
    precision: number | undefined;
  }
}

/** The Emscripten module factories of @cornerstonejs/codec-* (CommonJS; default export). */
interface CornerstoneCodecFactory {
  (moduleArg?: {
    locateFile?: (path: string, scriptDirectory: string) => string;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }): Promise<unknown>;
}

declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: CornerstoneCodecFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: CornerstoneCodecFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: CornerstoneCodecFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs' {
  const factory: CornerstoneCodecFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/wasmjs' {
  const factory: CornerstoneCodecFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  const factory: CornerstoneCodecFactory;
  export default factory;
}
