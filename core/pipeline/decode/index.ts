/** Image decoding stage: file bytes → gray image in source units, for the page and training alike. */
export { decodeImage, decodeImageSync, prepareDecoders } from './decode-image';
export { setCodecWasmUrls, type WasmCodec } from './codecs/wasm-codecs';
export { decodePng } from './decode-png';
export { decodeJpeg } from './decode-jpeg';
export { decodeDicom } from './decode-dicom';
export { ImageDecodeError, type ImageDecodeErrorCode } from './errors';
export { MAX_PIXELS, checkPixelBudget } from './pixel-budget';
export { sniffFormat, type Sniffed } from './sniff';
export { transferSyntaxName } from './dicom-transfer-syntax';
