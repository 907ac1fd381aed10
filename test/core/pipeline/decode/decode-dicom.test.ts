import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../core/pipeline/decode/decode-dicom';
import { decodeImageSync } from '../../../../core/pipeline/decode/decode-image';
import { expectDecodeError } from '../../../helpers/expect-decode-error';
import { type DicomSyntax, TRANSFER_SYNTAX, makeDicom } from '../../../helpers/make-dicom';

const SYNTAXES: DicomSyntax[] = ['explicit-le', 'implicit-le', 'explicit-be'];
const SAMPLES = {
  8: [0, 1, 50, 128, 200, 255],
  16: [0, 1, 1000, 4095, 30000, 65535],
};

describe('decodeDicom: pixel values', () => {
  for (const syntax of SYNTAXES) {
    for (const bits of [8, 16] as const) {
      it(`${syntax} ${bits}-bit MONOCHROME2 decodes exactly`, () => {
        const img = decodeDicom(makeDicom({ syntax, bitsAllocated: bits, pixels: SAMPLES[bits] }));
        expect(img.format).toBe('dicom');
        expect([img.width, img.height, img.bitDepth]).toEqual([3, 2, bits]);
        expect(Array.from(img.data)).toEqual(SAMPLES[bits]);
        expect(img.meta.TransferSyntaxUID).toBe(TRANSFER_SYNTAX[syntax]);
        expect(img.notices).toEqual([]);
      });

      it(`${syntax} ${bits}-bit MONOCHROME1 is inverted so that bone is bright`, () => {
        const max = 2 ** bits - 1;
        const img = decodeDicom(makeDicom({ syntax, bitsAllocated: bits, pixels: SAMPLES[bits], photometric: 'MONOCHROME1' }));
        expect(Array.from(img.data)).toEqual(SAMPLES[bits].map((v) => max - v));
      });
    }
  }

  it('keeps gray values integers when every rescaled value fits (no float copy), floats otherwise', () => {
    const arrayOf = (opts: Parameters<typeof makeDicom>[0]) => decodeDicom(makeDicom(opts)).data.constructor;
    expect(arrayOf({ bitsAllocated: 8, pixels: SAMPLES[8] })).toBe(Uint8Array);
    expect(arrayOf({ bitsAllocated: 16, pixels: SAMPLES[16] })).toBe(Uint16Array);
    expect(arrayOf({ bitsStored: 12, photometric: 'MONOCHROME1', pixels: [0, 4095, 7, 1, 2, 3] })).toBe(Uint16Array);
    expect(arrayOf({ bitsStored: 12, pixels: [0, 1, 2, 3, 4, 5], elements: [{ tag: 0x00281052, vr: 'DS', value: '100' }] })).toBe(Uint16Array);
    expect(arrayOf({ bitsStored: 12, pixels: [0, 1, 2, 3, 4, 5], elements: [{ tag: 0x00281052, vr: 'DS', value: '-1024' }] })).toBe(Float32Array);
    expect(arrayOf({ bitsStored: 12, pixels: [0, 1, 2, 3, 4, 5], elements: [{ tag: 0x00281053, vr: 'DS', value: '0.5' }] })).toBe(Float32Array);
    expect(arrayOf({ pixelRepresentation: 1, pixels: [-1, 0, 1, 2, 3, 4] })).toBe(Float32Array);
    // 16 stored bits plus an intercept would overflow 16 bits: floats.
    expect(arrayOf({ bitsAllocated: 16, pixels: SAMPLES[16], elements: [{ tag: 0x00281052, vr: 'DS', value: '1' }] })).toBe(Float32Array);
  });

  it('reads 8-bit samples stored in a big-endian OW element (byte-swapped words)', () => {
    const pixels = [10, 20, 30, 40, 50, 60];
    const img = decodeDicom(makeDicom({ syntax: 'explicit-be', bitsAllocated: 8, pixelVR: 'OW', pixels }));
    expect(Array.from(img.data)).toEqual(pixels);
  });

  for (const syntax of SYNTAXES) {
    it(`${syntax} signed 16-bit (PixelRepresentation 1)`, () => {
      const pixels = [-32768, -1000, -1, 0, 1, 32767];
      const img = decodeDicom(makeDicom({ syntax, pixelRepresentation: 1, pixels }));
      expect(Array.from(img.data)).toEqual(pixels);
    });
  }

  it('masks garbage above Bits Stored = 12', () => {
    const values = [0, 1, 2048, 4095, 100, 3000];
    const img = decodeDicom(makeDicom({ bitsStored: 12, pixels: values.map((v, i) => v | ((i + 1) << 12)) }));
    expect(Array.from(img.data)).toEqual(values);
    expect(img.bitDepth).toBe(12);
    expect(img.meta.BitsStored).toBe(12);
  });

  it('sign-extends signed 12-bit values and ignores the bits above them', () => {
    const raw = [0x0fff, 0x0800, 0x07ff, 0x0000, 0xf001, 0xa7ff];
    const img = decodeDicom(makeDicom({ bitsStored: 12, pixelRepresentation: 1, pixels: raw }));
    expect(Array.from(img.data)).toEqual([-1, -2048, 2047, 0, 1, 2047]);
  });

  it('honours a High Bit that puts the stored bits at the top of the word', () => {
    const values = [0, 5, 4095, 1234, 2000, 17];
    const img = decodeDicom(makeDicom({ bitsStored: 12, highBit: 15, pixels: values.map((v) => (v << 4) | 0xf) }));
    expect(Array.from(img.data)).toEqual(values);
  });

  it('applies Rescale Slope 2 and Intercept -1024', () => {
    const values = [0, 1, 512, 1000, 4095, 2047];
    const img = decodeDicom(
      makeDicom({
        bitsStored: 12,
        pixels: values,
        elements: [
          { tag: 0x00281052, vr: 'DS', value: '-1024' },
          { tag: 0x00281053, vr: 'DS', value: '2' },
        ],
      }),
    );
    expect(Array.from(img.data)).toEqual(values.map((v) => 2 * v - 1024));
    expect(img.window).toEqual({ center: (-1024 + 7166) / 2, width: 7166 + 1024 });
  });

  it('inverts MONOCHROME1 within the rescaled range and mirrors the window center with it', () => {
    const values = [0, 1, 512, 1000, 4095, 2047];
    const img = decodeDicom(
      makeDicom({
        bitsStored: 12,
        photometric: 'MONOCHROME1',
        pixels: values,
        elements: [
          { tag: 0x00281052, vr: 'DS', value: '-1024' },
          { tag: 0x00281053, vr: 'DS', value: '2' },
          { tag: 0x00281050, vr: 'DS', value: '1000' },
          { tag: 0x00281051, vr: 'DS', value: '3000' },
        ],
      }),
    );
    // Rescaled range is [-1024, 7166]: out = -1024 + 7166 - v.
    expect(Array.from(img.data)).toEqual(values.map((v) => 6142 - (2 * v - 1024)));
    expect(img.window).toEqual({ center: 6142 - 1000, width: 3000 });
  });

  it('keeps bone bright for MONOCHROME1 and MONOCHROME2 encodings of the same scene', () => {
    const scene = [100, 3000, 3500, 200, 150, 3900]; // high = bone in MONOCHROME2
    const mono2 = decodeDicom(makeDicom({ bitsStored: 12, pixels: scene }));
    const mono1 = decodeDicom(makeDicom({ bitsStored: 12, photometric: 'MONOCHROME1', pixels: scene.map((v) => 4095 - v) }));
    expect(Array.from(mono1.data)).toEqual(Array.from(mono2.data));
  });

  it('reads the first Window Center/Width value of a multi-valued pair', () => {
    const img = decodeDicom(
      makeDicom({
        elements: [
          { tag: 0x00281050, vr: 'DS', value: ['300', '500'] },
          { tag: 0x00281051, vr: 'DS', value: ['1000', '2000'] },
        ],
      }),
    );
    expect(img.window).toEqual({ center: 300, width: 1000 });
  });

  it('falls back to the min–max window without Window Center/Width', () => {
    const img = decodeDicom(makeDicom({ pixels: [10, 20, 30, 40, 50, 110] }));
    expect(img.window).toEqual({ center: 60, width: 100 });
  });

  it('takes the first frame of a multi-frame file and says so', () => {
    const frames = [
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
      [13, 14, 15, 16, 17, 18],
    ];
    const img = decodeDicom(makeDicom({ frames: 3, pixels: frames.flat() }));
    expect(Array.from(img.data)).toEqual(frames[0]);
    expect(img.notices).toEqual(['This DICOM file holds 3 frames; only the first is used.']);
    expect(img.meta.NumberOfFrames).toBe(3);
  });

  it('converts RGB (interleaved and planar) by luminance and says so', () => {
    const rgb = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [9, 9, 9]];
    const expected = rgb.map(([r, g, b]) => Math.fround(r === g && g === b ? r : 0.299 * r + 0.587 * g + 0.114 * b));
    const common = { rows: 2, columns: 2, bitsAllocated: 8 as const, samplesPerPixel: 3, photometric: 'RGB' };
    const interleaved = decodeDicom(makeDicom({ ...common, pixels: rgb.flat() }));
    expect(Array.from(interleaved.data)).toEqual(expected);
    expect(interleaved.notices).toEqual(['Colour image converted to grayscale.']);
    const planes = [0, 1, 2].flatMap((c) => rgb.map((p) => p[c]));
    const planar = decodeDicom(makeDicom({ ...common, planarConfiguration: 1, pixels: planes }));
    expect(Array.from(planar.data)).toEqual(expected);
  });

  for (const syntax of ['implicit-le', 'explicit-le'] as const) {
    it(`reads a bare ${syntax} dataset without preamble or meta header`, () => {
      const bytes = makeDicom({ syntax, part10: false, pixels: SAMPLES[16] });
      const img = decodeImageSync(bytes, 'IM0001');
      expect(img.format).toBe('dicom');
      expect(Array.from(img.data)).toEqual(SAMPLES[16]);
      expect(img.meta.TransferSyntaxUID).toBe(TRANSFER_SYNTAX[syntax]);
    });
  }
});

describe('decodeDicom: odd but valid files', () => {
  it('reads a file meta group written without the 128-byte preamble', () => {
    const full = makeDicom({ syntax: 'implicit-le', pixels: SAMPLES[16] });
    const img = decodeImageSync(full.subarray(132));
    expect(Array.from(img.data)).toEqual(SAMPLES[16]);
    expect(img.meta.TransferSyntaxUID).toBe('1.2.840.10008.1.2');
  });

  it('takes luma from YBR_FULL colour', () => {
    const ybr = [[200, 128, 128], [50, 128, 128], [90, 100, 160], [10, 128, 128]];
    const img = decodeDicom(
      makeDicom({ rows: 2, columns: 2, bitsAllocated: 8, samplesPerPixel: 3, photometric: 'YBR_FULL', pixels: ybr.flat() }),
    );
    expect(Array.from(img.data)).toEqual([200, 50, 90, 10]);
    expect(img.notices).toEqual(['Colour image converted to grayscale.']);
  });

  it('assumes MONOCHROME2 when Photometric Interpretation is missing, and says so', () => {
    const img = decodeDicom(makeDicom({ photometric: '', pixels: SAMPLES[16] }));
    expect(Array.from(img.data)).toEqual(SAMPLES[16]);
    expect(img.notices).toEqual([expect.stringMatching(/assumed MONOCHROME2/)]);
  });
});

describe('decodeDicom: metadata', () => {
  it('reads patient, study and geometry tags', () => {
    const img = decodeDicom(
      makeDicom({
        syntax: 'implicit-le',
        elements: [
          { tag: 0x00080020, vr: 'DA', value: '20240315' },
          { tag: 0x00080022, vr: 'DA', value: '20240316' },
          { tag: 0x00080023, vr: 'DA', value: '20240317' },
          { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' },
          { tag: 0x00100020, vr: 'LO', value: 'P-0042' },
          { tag: 0x00100030, vr: 'DA', value: '20150102' },
          { tag: 0x00100040, vr: 'CS', value: 'F' },
          { tag: 0x00101010, vr: 'AS', value: '009Y' },
          { tag: 0x00180015, vr: 'CS', value: 'HAND' },
          { tag: 0x00181164, vr: 'DS', value: ['0.15', '0.15'] },
          { tag: 0x00200062, vr: 'CS', value: 'L' },
          { tag: 0x00280030, vr: 'DS', value: ['0.1', '0.12'] },
        ],
      }),
    );
    expect(img.meta).toMatchObject({
      Modality: 'DX',
      StudyDate: '20240315',
      AcquisitionDate: '20240316',
      ContentDate: '20240317',
      PatientName: 'Doe^Jane',
      PatientID: 'P-0042',
      PatientBirthDate: '20150102',
      PatientSex: 'F',
      PatientAge: '009Y',
      BodyPartExamined: 'HAND',
      ImagerPixelSpacing: '0.15\\0.15',
      ImageLaterality: 'L',
      PixelSpacing: '0.1\\0.12',
      PhotometricInterpretation: 'MONOCHROME2',
      TransferSyntaxUID: '1.2.840.10008.1.2',
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.1',
      BitsStored: 16,
      Rows: 2,
      Columns: 3,
    });
    expect(img.meta.Laterality).toBeUndefined();
  });
});

describe('decodeDicom errors', () => {
  it('refuses a file without pixel data', () => {
    const sr = makeDicom({ omitImageModule: true, omitPixelData: true });
    const error = expectDecodeError(() => decodeImageSync(sr), 'no-pixel-data');
    expect(error.message).toBe('This DICOM file has no pixel data (it may be a structured report or presentation state).');
    const stripped = makeDicom({ omitPixelData: true });
    expect(expectDecodeError(() => decodeImageSync(stripped), 'no-pixel-data').message).toMatch(/describes an image/);
  });

  it('refuses an unsupported transfer syntax, naming it', () => {
    const bytes = makeDicom({ transferSyntaxUID: '1.2.840.10008.1.2.4.110' });
    const error = expectDecodeError(() => decodeImageSync(bytes), 'unsupported-transfer-syntax');
    expect(error.message).toBe(
      'The DICOM transfer syntax 1.2.840.10008.1.2.4.110 (JPEG XL Lossless) is not supported; export the image uncompressed (Explicit VR Little Endian) or as JPEG Lossless, JPEG-LS, JPEG 2000 or RLE.',
    );
  });

  it.each([
    ['1.2.840.10008.1.2.4.100', 'MPEG2 video'],
    ['1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Lossless'],
    ['1.2.840.10008.1.2.1.98', 'Encapsulated Uncompressed'],
    ['1.2.3.999', 'unknown'],
  ])('refuses transfer syntax %s (%s)', (uid, name) => {
    const error = expectDecodeError(() => decodeImageSync(makeDicom({ transferSyntaxUID: uid })), 'unsupported-transfer-syntax');
    expect(error.message).toContain(uid);
    expect(error.message).toContain(name);
  });

  it.each([
    ['1.2.840.10008.1.2.5', 'RLE Lossless'],
    ['1.2.840.10008.1.2.4.70', 'JPEG Lossless, First-Order Prediction'],
  ])('a compressed syntax (%s) over uncompressed pixel data is damage, named', (uid, name) => {
    const error = expectDecodeError(() => decodeImageSync(makeDicom({ transferSyntaxUID: uid })), 'corrupt');
    expect(error.message).toBe(`This DICOM file says its pixels are compressed (${name}) but stores them uncompressed; the file is damaged.`);
  });

  for (const syntax of SYNTAXES) {
    it(`${syntax}: a cut anywhere is reported, never decoded (truncated inside elements)`, () => {
      const bytes = makeDicom({ syntax, elements: [{ tag: 0x00100010, vr: 'PN', value: 'Doe^John' }] });
      for (let cut = 132; cut < bytes.length; cut++) {
        // A cut landing exactly between two elements leaves a well-formed file without pixel data.
        expectDecodeError(() => decodeImageSync(bytes.subarray(0, cut)), ['truncated', 'no-pixel-data']);
      }
      // Cut in the middle of the meta header and of the Patient Name value:
      expectDecodeError(() => decodeImageSync(bytes.subarray(0, 150)), 'truncated');
      const name = findAscii(bytes, 'Doe^John');
      expectDecodeError(() => decodeImageSync(bytes.subarray(0, name + 3)), 'truncated');
    });

    it(`${syntax}: pixel data cut short is truncated`, () => {
      const bytes = makeDicom({ syntax, rows: 10, columns: 10 });
      const error = expectDecodeError(() => decodeImageSync(bytes.subarray(0, bytes.length - 7)), 'truncated');
      expect(error.message).toMatch(/pixel data/);
    });
  }

  it('reports a pixel data length shorter than the image needs as truncated', () => {
    const bytes = makeDicom({ rows: 2, columns: 3, pixels: [1, 2, 3, 4], pixelDataLength: 8 });
    expect(expectDecodeError(() => decodeImageSync(bytes), 'truncated').message).toContain('8 of 12 bytes');
  });

  it('reports a pixel data length running past the end of the file as truncated', () => {
    for (const syntax of SYNTAXES) {
      expectDecodeError(() => decodeImageSync(makeDicom({ syntax, pixelDataLength: 1000 })), 'truncated');
    }
  });

  it('refuses 65535 × 65535 as too large without reading pixels', () => {
    const bytes = makeDicom({ rows: 65535, columns: 65535, pixels: [1, 2] });
    expect(expectDecodeError(() => decodeImageSync(bytes), 'too-large').message).toContain('65535 × 65535');
  });

  it('refuses pixel layouts it cannot read', () => {
    // Image module given by hand so Bits Allocated can be 32.
    const bits32 = makeDicom({
      omitImageModule: true,
      pixels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      elements: [
        { tag: 0x00280010, vr: 'US', value: 2 },
        { tag: 0x00280011, vr: 'US', value: 3 },
        { tag: 0x00280100, vr: 'US', value: 32 },
      ],
    });
    expect(expectDecodeError(() => decodeImageSync(bits32), 'unsupported').message).toContain('32-bit');
    expectDecodeError(() => decodeImageSync(makeDicom({ photometric: 'PALETTE COLOR', bitsAllocated: 8 })), 'unsupported');
  });

  it('calls inconsistent bit layouts corrupt', () => {
    expectDecodeError(() => decodeImageSync(makeDicom({ bitsStored: 12, highBit: 8 })), 'corrupt');
  });
});

function findAscii(bytes: Uint8Array, text: string): number {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (needle.every((b, j) => bytes[i + j] === b)) return i;
  }
  throw new Error(`${text} not found`);
}
