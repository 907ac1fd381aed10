import { Decoder } from 'jpeg-lossless-decoder-js';
import { ImageDecodeError } from '../errors';
import type { DecodedFrame } from './decoded-frame';
import { readJpegFrameHeader } from './jpeg-markers';

/** Decodes a JPEG Lossless (Process 14, any predictor incl. SV1) frame with jpeg-lossless-decoder-js. */
export function decodeJpegLossless(frame: Uint8Array): DecodedFrame {
  const header = readJpegFrameHeader(frame);
  if (!header) throw new ImageDecodeError('corrupt', 'The JPEG Lossless pixel data of this DICOM file is damaged: it has no frame header.');
  // The library would read a DCT (lossy) stream as if it were lossless and return noise.
  if (header.marker !== 0xc3) {
    throw new ImageDecodeError(
      'corrupt',
      `The pixel data of this DICOM file is not JPEG Lossless as its transfer syntax says (frame marker 0xFF${header.marker.toString(16).toUpperCase()}); the file is damaged.`,
    );
  }
  let samples: Uint8Array | Uint16Array;
  const decoder = new Decoder();
  try {
    const copy = frame.slice(); // the library wants a whole ArrayBuffer
    samples = decoder.decode(copy.buffer, 0, copy.length) as Uint8Array | Uint16Array;
  } catch (thrown) {
    throw new ImageDecodeError('corrupt', 'The JPEG Lossless pixel data of this DICOM file is damaged and could not be decoded.', { cause: thrown });
  }
  const components = decoder.numComp;
  return { width: decoder.xDim, height: decoder.yDim, components, bitsPerSample: header.precision, samples, planar: false };
}
