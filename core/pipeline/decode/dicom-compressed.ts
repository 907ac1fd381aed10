import { decodeJpeg12 } from './codecs/jpeg-12bit';
import { decodeJpegLossless } from './codecs/jpeg-lossless';
import type { DecodedFrame } from './codecs/decoded-frame';
import { readJpegFrameHeader } from './codecs/jpeg-markers';
import { decodeRle } from './codecs/rle';
import { decodeWithWasmCodec } from './codecs/wasm-codecs';
import { firstFrameBytes } from './dicom-fragments';
import type { DataSet, Element } from './dicom-parser-module';
import type { PixelModule } from './dicom-pixels';
import type { TransferSyntax } from './dicom-transfer-syntax';
import { ImageDecodeError } from './errors';

/** The Image Pixel module as it applies to the DECODED samples of a compressed syntax: JPEG and
 *  JPEG 2000 decoders undo their colour transform (YBR_FULL_422, YBR_ICT, YBR_RCT come out RGB),
 *  and codecs hand back right-aligned values (High Bit = Bits Stored − 1). RLE keeps the stored
 *  words exactly, so its layout stays as the header says. */
export function pixelModuleAfterCodec(pm: PixelModule, syntax: TransferSyntax): PixelModule {
  if (syntax.encoding === 'rle' || syntax.encoding === 'native') return pm;
  const undoesColourTransform = syntax.encoding === 'jpeg-dct' || syntax.encoding === 'j2k';
  const photometric = undoesColourTransform && pm.samplesPerPixel === 3 && pm.photometric.startsWith('YBR') ? 'RGB' : pm.photometric;
  return { ...pm, photometric, highBit: pm.bitsStored - 1 };
}

/** Decodes the first frame of encapsulated pixel data into native little-endian bytes laid out
 *  as the (codec-adjusted) pixel module says, ready for readFirstFrame. Codecs must be loaded. */
export function decodeCompressedFirstFrame(ds: DataSet, element: Element, pm: PixelModule, syntax: TransferSyntax): { frame: Uint8Array; pm: PixelModule } {
  if (!element.encapsulatedPixelData) {
    throw new ImageDecodeError(
      'corrupt',
      `This DICOM file says its pixels are compressed (${syntax.name}) but stores them uncompressed; the file is damaged.`,
    );
  }
  const compressed = firstFrameBytes(ds, element, pm.numberOfFrames, syntax.encoding);
  const decoded = decodeFrame(compressed, pm, syntax);
  checkMatchesHeader(decoded, pm, syntax);
  const layout: PixelModule = { ...pm, planarConfiguration: decoded.planar ? 1 : 0 };
  return { frame: toNativeBytes(decoded, layout), pm: layout };
}

function decodeFrame(compressed: Uint8Array, pm: PixelModule, syntax: TransferSyntax): DecodedFrame {
  switch (syntax.encoding) {
    case 'rle':
      return decodeRle(compressed, pm.columns, pm.rows, pm.samplesPerPixel, pm.bitsAllocated);
    case 'jpeg-lossless':
      return decodeJpegLossless(compressed);
    case 'jpeg-dct':
      if (readJpegFrameHeader(compressed)?.precision === 12) return decodeJpeg12(compressed);
      checkEightBitDct(compressed);
      return decodeWithWasmCodec(syntax.encoding, compressed, syntax.name);
    case 'jpeg-ls':
    case 'j2k':
      return decodeWithWasmCodec(syntax.encoding, compressed, syntax.name);
    case 'native':
      throw new Error('native pixel data is not compressed');
  }
}

/** libjpeg-turbo's 8-bit build reads 8-bit DCT only (12-bit goes to decodeJpeg12): refuse any
 *  other precision by name rather than pass on its failure as damage. */
function checkEightBitDct(compressed: Uint8Array): void {
  const header = readJpegFrameHeader(compressed);
  if (header && header.precision !== 8 && header.marker !== 0xc3) {
    throw new ImageDecodeError(
      'unsupported',
      `This DICOM file holds ${header.precision}-bit JPEG (lossy) pixels, which cannot be decoded here; ` +
        'please export it uncompressed or as JPEG Lossless, JPEG-LS or JPEG 2000.',
    );
  }
}

/** The codestream's own header must agree with the DICOM header: a mismatch means one of them lies. */
function checkMatchesHeader(d: DecodedFrame, pm: PixelModule, syntax: TransferSyntax): void {
  const lie = (what: string) =>
    new ImageDecodeError('corrupt', `The ${syntax.name} image inside this DICOM file ${what}; the file is damaged.`);
  if (d.width !== pm.columns || d.height !== pm.rows) {
    throw lie(`is ${d.width} × ${d.height} pixels but the DICOM header says ${pm.columns} × ${pm.rows}`);
  }
  if (d.components !== pm.samplesPerPixel) {
    throw lie(`has ${d.components} colour component(s) but the DICOM header says ${pm.samplesPerPixel}`);
  }
  if (d.bitsPerSample > pm.bitsAllocated) {
    throw lie(`has ${d.bitsPerSample}-bit samples but the DICOM header allocates only ${pm.bitsAllocated} bits`);
  }
}

function toNativeBytes(d: DecodedFrame, pm: PixelModule): Uint8Array {
  const n = d.width * d.height * d.components;
  if (pm.bitsAllocated === 8) return d.samples instanceof Uint8Array ? d.samples.subarray(0, n) : Uint8Array.from(d.samples.subarray(0, n));
  const words = d.samples instanceof Uint16Array ? d.samples.subarray(0, n) : Uint16Array.from(d.samples.subarray(0, n));
  // Uint16Array is host-endian; every engine this runs on is little endian, as the native reader expects.
  return new Uint8Array(words.buffer, words.byteOffset, n * 2);
}
