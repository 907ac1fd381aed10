import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../../core/pipeline/decode/decode-image';
import type { DecodedImage } from '../../../../core/pipeline/types';
import { expectDecodeErrorAsync } from '../../../helpers/expect-decode-error';
import { decodeJpeg12 } from '../../../../core/pipeline/decode/codecs/jpeg-12bit';
import { decodeWithWasmCodec, loadCodec } from '../../../../core/pipeline/decode/codecs/wasm-codecs';
import { encodeJpeg12 } from '../../../helpers/jpeg-extended-encode';
import { encodeJpegLossless } from '../../../helpers/jpeg-lossless-encode';
import { type MakeDicomOptions, makeDicom } from '../../../helpers/make-dicom';
import { radiographSamples, signedRadiographSamples } from '../../../helpers/radiograph-samples';
import { encodeRle } from '../../../helpers/rle-encode';
import { encodeJ2k, encodeJpegBaseline, encodeJpegLs } from '../../../helpers/wasm-encoders';

/** Every transfer syntax the page accepts, each fed a DICOM made here from a known sample array. */
const UID = {
  deflated: '1.2.840.10008.1.2.1.99',
  rle: '1.2.840.10008.1.2.5',
  jpegLossless: '1.2.840.10008.1.2.4.57',
  jpegLosslessSv1: '1.2.840.10008.1.2.4.70',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegExtended: '1.2.840.10008.1.2.4.51',
  jpegLs: '1.2.840.10008.1.2.4.80',
  jpegLsNear: '1.2.840.10008.1.2.4.81',
  j2kLossless: '1.2.840.10008.1.2.4.90',
  j2k: '1.2.840.10008.1.2.4.91',
};

const W = 48;
const H = 40;

function encapsulatedDicom(uid: string, frames: Uint8Array[], o: MakeDicomOptions & { offsetTable?: boolean; fragmentSize?: number } = {}): Uint8Array {
  const { offsetTable, fragmentSize, ...rest } = o;
  return makeDicom({ rows: H, columns: W, ...rest, transferSyntaxUID: uid, encapsulated: { frames, offsetTable, fragmentSize } });
}

function storedBits(bits: number): 8 | 16 {
  return bits > 8 ? 16 : 8;
}

/** An 8-bit colour scene and the gray the decoder must make of it (BT.601 luma, as float32). */
function rgbScene() {
  const r = radiographSamples(W, H, 8, 1);
  const g = radiographSamples(W, H, 8, 2);
  const b = radiographSamples(W, H, 8, 3);
  const interleaved = r.flatMap((v, i) => [v, g[i], b[i]]);
  const luma = r.map((v, i) => Math.fround(v === g[i] && v === b[i] ? v : 0.299 * v + 0.587 * g[i] + 0.114 * b[i]));
  return { r, g, b, interleaved, luma };
}

function maxAbsError(img: DecodedImage, expected: number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(img.data[i] - expected[i]));
  return worst;
}

function meanAbsError(img: DecodedImage, expected: number[]): number {
  let sum = 0;
  for (let i = 0; i < expected.length; i++) sum += Math.abs(img.data[i] - expected[i]);
  return sum / expected.length;
}

describe('Deflated Explicit VR Little Endian', () => {
  for (const bits of [8, 16] as const) {
    it(`${bits}-bit MONOCHROME2 decodes exactly`, async () => {
      const pixels = radiographSamples(W, H, bits);
      const img = await decodeImage(makeDicom({ syntax: 'deflated-le', rows: H, columns: W, bitsAllocated: bits, pixels }));
      expect(Array.from(img.data)).toEqual(pixels);
      expect(img.meta.TransferSyntaxUID).toBe(UID.deflated);
    });
  }

  it('MONOCHROME1 12-bit is inverted', async () => {
    const pixels = radiographSamples(W, H, 12);
    const img = await decodeImage(makeDicom({ syntax: 'deflated-le', rows: H, columns: W, bitsStored: 12, photometric: 'MONOCHROME1', pixels }));
    expect(Array.from(img.data)).toEqual(pixels.map((v) => 4095 - v));
  });

  it('a deflate stream cut short is reported as truncated', async () => {
    const bytes = makeDicom({ syntax: 'deflated-le', rows: H, columns: W, pixels: radiographSamples(W, H, 16) });
    await expectDecodeErrorAsync(() => decodeImage(bytes.subarray(0, bytes.length - 40)), 'truncated');
  });
});

describe('RLE Lossless', () => {
  for (const bits of [8, 12, 16] as const) {
    it(`${bits}-bit stored decodes exactly`, async () => {
      const pixels = radiographSamples(W, H, bits);
      const alloc = storedBits(bits);
      const frame = encodeRle(pixels, W * H, 1, alloc);
      const img = await decodeImage(encapsulatedDicom(UID.rle, [frame], { bitsAllocated: alloc, bitsStored: bits }));
      expect(Array.from(img.data)).toEqual(pixels);
      expect(img.bitDepth).toBe(bits);
    });
  }

  it('16-bit signed (Pixel Representation 1)', async () => {
    const pixels = signedRadiographSamples(W, H, 16);
    const img = await decodeImage(encapsulatedDicom(UID.rle, [encodeRle(pixels, W * H, 1, 16)], { pixelRepresentation: 1 }));
    expect(Array.from(img.data)).toEqual(pixels);
  });

  it('keeps the stored word, so a High Bit of 15 with 12 stored bits is honoured', async () => {
    const values = radiographSamples(W, H, 12);
    const frame = encodeRle(values.map((v) => (v << 4) | 0x5), W * H, 1, 16);
    const img = await decodeImage(encapsulatedDicom(UID.rle, [frame], { bitsStored: 12, highBit: 15 }));
    expect(Array.from(img.data)).toEqual(values);
  });

  it('MONOCHROME1 is inverted', async () => {
    const pixels = radiographSamples(W, H, 8);
    const img = await decodeImage(encapsulatedDicom(UID.rle, [encodeRle(pixels, W * H, 1, 8)], { bitsAllocated: 8, photometric: 'MONOCHROME1' }));
    expect(Array.from(img.data)).toEqual(pixels.map((v) => 255 - v));
  });

  it('RGB (one segment per colour) becomes luminance, with a notice', async () => {
    const r = radiographSamples(W, H, 8, 1);
    const g = radiographSamples(W, H, 8, 2);
    const b = radiographSamples(W, H, 8, 3);
    const frame = encodeRle([...r, ...g, ...b], W * H, 3, 8);
    const img = await decodeImage(encapsulatedDicom(UID.rle, [frame], { bitsAllocated: 8, samplesPerPixel: 3, photometric: 'RGB' }));
    const expected = r.map((v, i) => Math.fround(v === g[i] && v === b[i] ? v : 0.299 * v + 0.587 * g[i] + 0.114 * b[i]));
    expect(Array.from(img.data)).toEqual(expected);
    expect(img.notices).toContain('Colour image converted to grayscale.');
  });

  it('multi-frame: the first frame, with a notice', async () => {
    const f0 = radiographSamples(W, H, 16, 1);
    const f1 = radiographSamples(W, H, 16, 2);
    const bytes = encapsulatedDicom(UID.rle, [encodeRle(f0, W * H, 1, 16), encodeRle(f1, W * H, 1, 16)], { frames: 2 });
    const img = await decodeImage(bytes);
    expect(Array.from(img.data)).toEqual(f0);
    expect(img.notices).toEqual(['This DICOM file holds 2 frames; only the first is used.']);
  });

  it('a segment table that does not fit the pixel module is damage, named', async () => {
    const frame = encodeRle(radiographSamples(W, H, 8), W * H, 1, 8);
    const error = await expectDecodeErrorAsync(() => decodeImage(encapsulatedDicom(UID.rle, [frame], { bitsAllocated: 16 })), 'corrupt');
    expect(error.message).toMatch(/RLE.*1 segments where 1 sample\(s\) of 16 bits need 2/);
  });
});

describe('JPEG Lossless (Process 14)', () => {
  for (const bits of [8, 10, 12, 14, 16]) {
    it(`SV1 (1.2.840.10008.1.2.4.70), ${bits}-bit, decodes exactly`, async () => {
      const pixels = radiographSamples(W, H, bits);
      const frame = encodeJpegLossless(pixels, W, H, bits, 1);
      const img = await decodeImage(encapsulatedDicom(UID.jpegLosslessSv1, [frame], { bitsAllocated: storedBits(bits), bitsStored: bits }));
      expect(Array.from(img.data)).toEqual(pixels);
    });
  }

  for (const predictor of [1, 2, 3, 4, 5, 6, 7]) {
    it(`predictor ${predictor} (1.2.840.10008.1.2.4.57), 12-bit, decodes exactly`, async () => {
      const pixels = radiographSamples(W, H, 12, predictor);
      const frame = encodeJpegLossless(pixels, W, H, 12, predictor);
      const img = await decodeImage(encapsulatedDicom(UID.jpegLossless, [frame], { bitsStored: 12 }));
      expect(Array.from(img.data)).toEqual(pixels);
    });
  }

  it('restart markers every row and a frame split over many fragments', async () => {
    const pixels = radiographSamples(W, H, 12);
    const frame = encodeJpegLossless(pixels, W, H, 12, 1, W);
    const img = await decodeImage(encapsulatedDicom(UID.jpegLosslessSv1, [frame], { bitsStored: 12, fragmentSize: 100 }));
    expect(Array.from(img.data)).toEqual(pixels);
  });

  it('signed 16-bit (the two\u2019s-complement pattern is what is coded)', async () => {
    const pixels = signedRadiographSamples(W, H, 16);
    const frame = encodeJpegLossless(pixels.map((v) => v & 0xffff), W, H, 16, 1);
    const img = await decodeImage(encapsulatedDicom(UID.jpegLosslessSv1, [frame], { pixelRepresentation: 1 }));
    expect(Array.from(img.data)).toEqual(pixels);
  });

  it('MONOCHROME1 12-bit with Rescale Slope/Intercept', async () => {
    const pixels = radiographSamples(W, H, 12);
    const frame = encodeJpegLossless(pixels, W, H, 12, 1);
    const img = await decodeImage(
      encapsulatedDicom(UID.jpegLosslessSv1, [frame], {
        bitsStored: 12,
        photometric: 'MONOCHROME1',
        elements: [
          { tag: 0x00281052, vr: 'DS', value: '-100' },
          { tag: 0x00281053, vr: 'DS', value: '0.5' },
        ],
      }),
    );
    // Rescaled range [-100, 1947.5]: out = lo + hi − (0.5 v − 100).
    expect(Array.from(img.data)).toEqual(pixels.map((v) => -100 + 1947.5 - (0.5 * v - 100)));
  });

  for (const offsetTable of [true, false]) {
    it(`multi-frame ${offsetTable ? 'with' : 'without'} a Basic Offset Table: first frame, notice`, async () => {
      const f0 = radiographSamples(W, H, 12, 1);
      const f1 = radiographSamples(W, H, 12, 2);
      const frames = [encodeJpegLossless(f0, W, H, 12), encodeJpegLossless(f1, W, H, 12)];
      const img = await decodeImage(encapsulatedDicom(UID.jpegLosslessSv1, frames, { bitsStored: 12, frames: 2, offsetTable, fragmentSize: 334 }));
      expect(Array.from(img.data)).toEqual(f0);
      expect(img.notices).toEqual(['This DICOM file holds 2 frames; only the first is used.']);
    });
  }

  it('a codestream whose size differs from Rows/Columns is reported with both sizes', async () => {
    const frame = encodeJpegLossless(radiographSamples(W, H, 12), W, H, 12);
    const bytes = makeDicom({ rows: H + 2, columns: W, bitsStored: 12, transferSyntaxUID: UID.jpegLosslessSv1, encapsulated: { frames: [frame] } });
    const error = await expectDecodeErrorAsync(() => decodeImage(bytes), 'corrupt');
    expect(error.message).toBe(
      `The JPEG Lossless, First-Order Prediction image inside this DICOM file is ${W} × ${H} pixels but the DICOM header says ${W} × ${H + 2}; the file is damaged.`,
    );
  });

  it('a lossy JPEG under a lossless transfer syntax is refused, not decoded into noise', async () => {
    const frame = await encodeJpegBaseline({ width: W, height: H, bitsPerSample: 8, componentCount: 1, samples: radiographSamples(W, H, 8) });
    const error = await expectDecodeErrorAsync(() => decodeImage(encapsulatedDicom(UID.jpegLosslessSv1, [frame], { bitsAllocated: 8 })), 'corrupt');
    expect(error.message).toMatch(/not JPEG Lossless/);
  });
});

describe('JPEG Baseline and Extended (8-bit: libjpeg-turbo; 12-bit: our decoder)', () => {
  // Tolerance: at quality 95 this noisy 8-bit radiograph-like image came back with a mean absolute
  // error of 1.92 gray levels and at worst 8 (measured); the bounds allow 3 and 12.
  for (const uid of [UID.jpegBaseline, UID.jpegExtended]) {
    it(`${uid}: 8-bit gray within tolerance`, async () => {
      const pixels = radiographSamples(W, H, 8);
      const frame = await encodeJpegBaseline({ width: W, height: H, bitsPerSample: 8, componentCount: 1, samples: pixels }, 95);
      const img = await decodeImage(encapsulatedDicom(uid, [frame], { bitsAllocated: 8 }));
      expect(meanAbsError(img, pixels)).toBeLessThan(3);
      expect(maxAbsError(img, pixels)).toBeLessThanOrEqual(12);
      expect(meanAbsError(img, pixels)).toBeGreaterThan(0); // it really went through a lossy codec
    });
  }

  it('MONOCHROME1 is inverted', async () => {
    const pixels = radiographSamples(W, H, 8);
    const frame = await encodeJpegBaseline({ width: W, height: H, bitsPerSample: 8, componentCount: 1, samples: pixels }, 95);
    const img = await decodeImage(encapsulatedDicom(UID.jpegBaseline, [frame], { bitsAllocated: 8, photometric: 'MONOCHROME1' }));
    expect(meanAbsError(img, pixels.map((v) => 255 - v))).toBeLessThan(3);
  });

  it('YBR_FULL_422 colour (decoded to RGB by the codec) becomes gray, with a notice', async () => {
    const gray = radiographSamples(W, H, 8);
    const rgb = gray.flatMap((v) => [Math.min(255, v + 40), v, Math.max(0, v - 40)]);
    const frame = await encodeJpegBaseline({ width: W, height: H, bitsPerSample: 8, componentCount: 3, samples: rgb }, 95);
    const img = await decodeImage(encapsulatedDicom(UID.jpegBaseline, [frame], { bitsAllocated: 8, samplesPerPixel: 3, photometric: 'YBR_FULL_422' }));
    const luma = gray.map((_, i) => 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2]);
    expect(meanAbsError(img, luma)).toBeLessThan(3);
    expect(img.notices).toContain('Colour image converted to grayscale.');
  });

  // 12-bit Process 4 has no npm decoder; ours is checked two ways: against the source through our
  // test encoder (measured mean 0.38, worst 2 at step 2), and against libjpeg-turbo on 8-bit
  // streams that libjpeg-turbo itself wrote (below), so encoder and decoder cannot share a mistake.
  for (const [step, restart] of [[1, 0], [2, 0], [4, 7]]) {
    it(`${UID.jpegExtended}: 12-bit (Process 4), quantiser step ${step}${restart ? `, restart every ${restart} blocks` : ''}, within ±${step + 1}`, async () => {
      const pixels = radiographSamples(W + 3, H + 5, 12); // sizes not a multiple of 8
      const frame = encodeJpeg12(pixels, W + 3, H + 5, step, restart);
      const img = await decodeImage(makeDicom({ rows: H + 5, columns: W + 3, bitsStored: 12, transferSyntaxUID: UID.jpegExtended, encapsulated: { frames: [frame] } }));
      expect(maxAbsError(img, pixels)).toBeLessThanOrEqual(step + 1);
      expect(meanAbsError(img, pixels)).toBeLessThan(step / 2 + 0.2);
      expect(img.bitDepth).toBe(12);
    });
  }

  it('12-bit MONOCHROME1 is inverted', async () => {
    const pixels = radiographSamples(W, H, 12);
    const img = await decodeImage(
      encapsulatedDicom(UID.jpegExtended, [encodeJpeg12(pixels, W, H, 1)], { bitsStored: 12, photometric: 'MONOCHROME1' }),
    );
    expect(maxAbsError(img, pixels.map((v) => 4095 - v))).toBeLessThanOrEqual(2);
  });

  it('the 12-bit decoder agrees with libjpeg-turbo on 8-bit sequential streams libjpeg-turbo wrote', async () => {
    await loadCodec('jpeg-dct');
    for (const [quality, w, h] of [[95, W, H], [50, 37, 29], [98, 56, 24]]) {
      const pixels = radiographSamples(w, h, 8, quality);
      const frame = await encodeJpegBaseline({ width: w, height: h, bitsPerSample: 8, componentCount: 1, samples: pixels }, quality);
      const reference = decodeWithWasmCodec('jpeg-dct', frame, 'JPEG Baseline').samples;
      const ours = decodeJpeg12(frame).samples;
      let worst = 0;
      for (let i = 0; i < w * h; i++) worst = Math.max(worst, Math.abs(ours[i] - reference[i]));
      expect(worst, `quality ${quality}`).toBeLessThanOrEqual(1); // IDCT rounding differs by at most 1
    }
  });

  it('a 12-bit stream cut short is damage, not a partial image', async () => {
    const frame = encodeJpeg12(radiographSamples(W, H, 12), W, H, 1);
    const half = frame.subarray(0, Math.floor(frame.length / 2));
    const error = await expectDecodeErrorAsync(() => decodeImage(encapsulatedDicom(UID.jpegExtended, [half], { bitsStored: 12 })), 'corrupt');
    expect(error.message).toBe('The 12-bit JPEG Extended pixel data of this DICOM file is damaged: its image data ends early.');
  });

  it('a 12-bit colour JPEG Extended stream is refused by name', async () => {
    const frame = encodeJpeg12(radiographSamples(W, H, 12), W, H, 1);
    const sof = frame.findIndex((b, i) => b === 0xff && frame[i + 1] === 0xc1);
    const colour = frame.slice();
    colour[sof + 9] = 3;
    const error = await expectDecodeErrorAsync(() => decodeImage(encapsulatedDicom(UID.jpegExtended, [colour], { bitsStored: 12 })), 'unsupported');
    expect(error.message).toBe('This DICOM file holds a 12-bit JPEG Extended image with 3 colour components, which is not supported.');
  });
});

describe('JPEG-LS (CharLS)', () => {
  for (const bits of [8, 10, 12, 16]) {
    it(`lossless ${bits}-bit decodes exactly`, async () => {
      const pixels = radiographSamples(W, H, bits);
      const frame = await encodeJpegLs({ width: W, height: H, bitsPerSample: bits, componentCount: 1, samples: pixels });
      const img = await decodeImage(encapsulatedDicom(UID.jpegLs, [frame], { bitsAllocated: storedBits(bits), bitsStored: bits }));
      expect(Array.from(img.data)).toEqual(pixels);
    });
  }

  it('lossless signed 16-bit', async () => {
    const pixels = signedRadiographSamples(W, H, 16);
    const frame = await encodeJpegLs({ width: W, height: H, bitsPerSample: 16, componentCount: 1, samples: pixels.map((v) => v & 0xffff) });
    const img = await decodeImage(encapsulatedDicom(UID.jpegLs, [frame], { pixelRepresentation: 1 }));
    expect(Array.from(img.data)).toEqual(pixels);
  });

  for (const near of [1, 3, 10]) {
    it(`near-lossless NEAR=${near}: every sample within ±${near} (the JPEG-LS guarantee)`, async () => {
      const pixels = radiographSamples(W, H, 12);
      const frame = await encodeJpegLs({ width: W, height: H, bitsPerSample: 12, componentCount: 1, samples: pixels }, near);
      const img = await decodeImage(encapsulatedDicom(UID.jpegLsNear, [frame], { bitsStored: 12 }));
      expect(maxAbsError(img, pixels)).toBeLessThanOrEqual(near);
      expect(maxAbsError(img, pixels)).toBeGreaterThan(0);
    });
  }

  for (const mode of [0, 1, 2] as const) {
    it(`RGB, interleave mode ${mode} (${['none: planes', 'line', 'sample'][mode]}), becomes luminance exactly`, async () => {
      const { r, g, b, interleaved, luma } = rgbScene();
      const samples = mode === 0 ? [...r, ...g, ...b] : interleaved;
      const frame = await encodeJpegLs({ width: W, height: H, bitsPerSample: 8, componentCount: 3, samples }, 0, mode);
      const img = await decodeImage(encapsulatedDicom(UID.jpegLs, [frame], { bitsAllocated: 8, samplesPerPixel: 3, photometric: 'RGB' }));
      expect(Array.from(img.data)).toEqual(luma);
      expect(img.notices).toContain('Colour image converted to grayscale.');
    });
  }

  it('MONOCHROME1 lossless is inverted exactly', async () => {
    const pixels = radiographSamples(W, H, 12);
    const frame = await encodeJpegLs({ width: W, height: H, bitsPerSample: 12, componentCount: 1, samples: pixels });
    const img = await decodeImage(encapsulatedDicom(UID.jpegLs, [frame], { bitsStored: 12, photometric: 'MONOCHROME1' }));
    expect(Array.from(img.data)).toEqual(pixels.map((v) => 4095 - v));
  });
});

describe('JPEG 2000 (OpenJPEG)', () => {
  for (const bits of [8, 12, 16]) {
    it(`lossless ${bits}-bit decodes exactly`, async () => {
      const pixels = radiographSamples(W, H, bits);
      const frame = await encodeJ2k({ width: W, height: H, bitsPerSample: bits, componentCount: 1, samples: pixels });
      const img = await decodeImage(encapsulatedDicom(UID.j2kLossless, [frame], { bitsAllocated: storedBits(bits), bitsStored: bits }));
      expect(Array.from(img.data)).toEqual(pixels);
    });
  }

  it('lossless signed 16-bit', async () => {
    const pixels = signedRadiographSamples(W, H, 16);
    const frame = await encodeJ2k({ width: W, height: H, bitsPerSample: 16, componentCount: 1, isSigned: true, samples: pixels });
    const img = await decodeImage(encapsulatedDicom(UID.j2kLossless, [frame], { pixelRepresentation: 1 }));
    expect(Array.from(img.data)).toEqual(pixels);
  });

  it('MONOCHROME1 lossless is inverted exactly', async () => {
    const pixels = radiographSamples(W, H, 12);
    const frame = await encodeJ2k({ width: W, height: H, bitsPerSample: 12, componentCount: 1, samples: pixels });
    const img = await decodeImage(encapsulatedDicom(UID.j2kLossless, [frame], { bitsStored: 12, photometric: 'MONOCHROME1' }));
    expect(Array.from(img.data)).toEqual(pixels.map((v) => 4095 - v));
  });

  for (const photometric of ['RGB', 'YBR_RCT']) {
    it(`lossless colour (${photometric}: the decoder undoes the colour transform) becomes luminance exactly`, async () => {
      const { interleaved, luma } = rgbScene();
      const frame = await encodeJ2k({ width: W, height: H, bitsPerSample: 8, componentCount: 3, samples: interleaved });
      const img = await decodeImage(encapsulatedDicom(UID.j2kLossless, [frame], { bitsAllocated: 8, samplesPerPixel: 3, photometric }));
      expect(Array.from(img.data)).toEqual(luma);
    });
  }

  it('lossy (irreversible 9/7 wavelet) 12-bit within tolerance', async () => {
    const pixels = radiographSamples(W, H, 12);
    const frame = await encodeJ2k({ width: W, height: H, bitsPerSample: 12, componentCount: 1, samples: pixels }, { compressionRatio: 10 });
    const img = await decodeImage(encapsulatedDicom(UID.j2k, [frame], { bitsStored: 12 }));
    // Measured: mean absolute error 0.10, worst 1 (of 4095); bounds 2 and 8. Nonzero: really lossy.
    expect(meanAbsError(img, pixels)).toBeLessThan(2);
    expect(maxAbsError(img, pixels)).toBeLessThanOrEqual(8);
    expect(meanAbsError(img, pixels)).toBeGreaterThan(0);
  });

  it('a damaged codestream is reported, naming the syntax', async () => {
    const frame = await encodeJ2k({ width: W, height: H, bitsPerSample: 12, componentCount: 1, samples: radiographSamples(W, H, 12) });
    const broken = frame.slice(0, 60);
    const error = await expectDecodeErrorAsync(() => decodeImage(encapsulatedDicom(UID.j2kLossless, [broken], { bitsStored: 12 })), ['corrupt', 'truncated']);
    expect(error.message).toContain('JPEG 2000 Lossless');
  });
});

describe('Bits Stored 8–16 and High Bit (native and compressed)', () => {
  for (let bits = 8; bits <= 16; bits++) {
    it(`${bits} bits stored: native at the bottom and at the top of the word, JPEG-LS and J2K lossless, all exact`, async () => {
      const values = radiographSamples(W, H, bits, bits);
      const low = await decodeImage(makeDicom({ rows: H, columns: W, bitsStored: bits, pixels: values }));
      expect(Array.from(low.data)).toEqual(values);
      const high = await decodeImage(makeDicom({ rows: H, columns: W, bitsStored: bits, highBit: 15, pixels: values.map((v) => v << (16 - bits)) }));
      expect(Array.from(high.data)).toEqual(values);
      const frame = { width: W, height: H, bitsPerSample: bits, componentCount: 1, samples: values };
      const ls = await decodeImage(encapsulatedDicom(UID.jpegLs, [await encodeJpegLs(frame)], { bitsStored: bits }));
      expect(Array.from(ls.data)).toEqual(values);
      const j2k = await decodeImage(encapsulatedDicom(UID.j2kLossless, [await encodeJ2k(frame)], { bitsStored: bits }));
      expect(Array.from(j2k.data)).toEqual(values);
    });
  }
});

describe('compressed files whose lengths lie', () => {
  it('a compressed file cut anywhere is reported, never decoded', async () => {
    const frame = encodeJpegLossless(radiographSamples(W, H, 12), W, H, 12);
    const bytes = encapsulatedDicom(UID.jpegLosslessSv1, [frame], { bitsStored: 12, fragmentSize: 500 });
    for (let cut = 132; cut < bytes.length; cut += 13) {
      await expectDecodeErrorAsync(() => decodeImage(bytes.subarray(0, cut)), ['truncated', 'no-pixel-data']);
    }
  });

  it('a fragment whose length runs past the end of the file is truncation', async () => {
    const frame = encodeJpegLossless(radiographSamples(W, H, 12), W, H, 12);
    const bytes = encapsulatedDicom(UID.jpegLosslessSv1, [frame], { bitsStored: 12 }).slice();
    // Drop the sequence delimiter and the fragment's last 100 bytes: its item length now lies.
    const cut = bytes.subarray(0, bytes.length - 8 - 100);
    const error = await expectDecodeErrorAsync(() => decodeImage(cut), 'truncated');
    expect(error.message).toMatch(/pixel data/);
  });
});
