/** The synthetic hand of fixtures.ts as DICOM files in each compressed transfer syntax, with the
 *  same 12-bit pixels (values × 16) and patient dates as makeHandDicom, so every lossless one must
 *  give the same estimate as the uncompressed file. */
import { type DicomElement, type MakeDicomOptions, makeDicom } from '../helpers/make-dicom';
import { encodeJpegLossless } from '../helpers/jpeg-lossless-encode';
import { encodeRle } from '../helpers/rle-encode';
import { encodeJ2k, encodeJpegBaseline, encodeJpegLs } from '../helpers/wasm-encoders';
import { HAND_HEIGHT, HAND_WIDTH, makeHandPixels } from './fixtures';

export const HAND_ELEMENTS: DicomElement[] = [
  { tag: 0x00100010, vr: 'PN', value: 'Synthetic^Hand' },
  { tag: 0x00100030, vr: 'DA', value: '20150310' }, // PatientBirthDate
  { tag: 0x00080020, vr: 'DA', value: '20250309' }, // StudyDate: 119 completed months
  { tag: 0x00181164, vr: 'DS', value: ['0.143', '0.143'] }, // ImagerPixelSpacing
];

export type HandSyntax = 'jpeg-lossless' | 'jpeg-ls' | 'j2k' | 'rle' | 'deflated' | 'jpeg-baseline';

export const HAND_SYNTAX_UID: Record<HandSyntax, string> = {
  'jpeg-lossless': '1.2.840.10008.1.2.4.70',
  'jpeg-ls': '1.2.840.10008.1.2.4.80',
  j2k: '1.2.840.10008.1.2.4.90',
  rle: '1.2.840.10008.1.2.5',
  deflated: '1.2.840.10008.1.2.1.99',
  'jpeg-baseline': '1.2.840.10008.1.2.4.50',
};

function hand12(): number[] {
  return Array.from(makeHandPixels(), (v) => v * 16);
}

export async function makeHandDicomAs(syntax: HandSyntax): Promise<Uint8Array> {
  const common: MakeDicomOptions = { rows: HAND_HEIGHT, columns: HAND_WIDTH, bitsAllocated: 16, bitsStored: 12, elements: HAND_ELEMENTS };
  const frame = { width: HAND_WIDTH, height: HAND_HEIGHT, bitsPerSample: 12, componentCount: 1, samples: hand12() };
  const encapsulated = (data: Uint8Array, extra: MakeDicomOptions = {}) =>
    makeDicom({ ...common, ...extra, transferSyntaxUID: HAND_SYNTAX_UID[syntax], encapsulated: { frames: [data], fragmentSize: 16384 } });
  switch (syntax) {
    case 'jpeg-lossless':
      return encapsulated(encodeJpegLossless(frame.samples, HAND_WIDTH, HAND_HEIGHT, 12, 1));
    case 'jpeg-ls':
      return encapsulated(await encodeJpegLs(frame));
    case 'j2k':
      return encapsulated(await encodeJ2k(frame));
    case 'rle':
      return encapsulated(encodeRle(frame.samples, HAND_WIDTH * HAND_HEIGHT, 1, 16));
    case 'deflated':
      return makeDicom({ ...common, syntax: 'deflated-le', pixels: frame.samples });
    case 'jpeg-baseline': {
      const eight = Array.from(makeHandPixels());
      const data = await encodeJpegBaseline({ ...frame, bitsPerSample: 8, samples: eight }, 95);
      return encapsulated(data, { bitsAllocated: 8, bitsStored: 8 });
    }
  }
}

/** A structured report: DICOM, but no image. */
export function makeStructuredReport(): Uint8Array {
  return makeDicom({ sopClassUID: '1.2.840.10008.5.1.4.1.1.88.22', modality: 'SR', omitImageModule: true, omitPixelData: true, elements: HAND_ELEMENTS });
}
