import { ImageDecodeError } from './errors';

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

/** How the pixel data of a transfer syntax is stored, i.e. which decoder it needs. */
export type PixelEncoding =
  | 'native' // uncompressed, read straight from the dataset
  | 'rle' // RLE Lossless (PS3.5 Annex G)
  | 'jpeg-lossless' // JPEG Process 14, any predictor (SV1 is the common case)
  | 'jpeg-dct' // JPEG Baseline (Process 1) and Extended (Processes 2 & 4)
  | 'jpeg-ls'
  | 'j2k';

export interface TransferSyntax {
  uid: string;
  name: string;
  encoding: PixelEncoding;
  littleEndian: boolean;
  /** The dataset after the file meta group is deflate-compressed. */
  deflated: boolean;
}

const SUPPORTED: Array<[string, string, PixelEncoding]> = [
  [IMPLICIT_VR_LITTLE_ENDIAN, 'Implicit VR Little Endian', 'native'],
  [EXPLICIT_VR_LITTLE_ENDIAN, 'Explicit VR Little Endian', 'native'],
  [EXPLICIT_VR_BIG_ENDIAN, 'Explicit VR Big Endian', 'native'],
  [DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, 'Deflated Explicit VR Little Endian', 'native'],
  ['1.2.840.10008.1.2.5', 'RLE Lossless', 'rle'],
  ['1.2.840.10008.1.2.4.57', 'JPEG Lossless', 'jpeg-lossless'],
  ['1.2.840.10008.1.2.4.70', 'JPEG Lossless, First-Order Prediction', 'jpeg-lossless'],
  ['1.2.840.10008.1.2.4.50', 'JPEG Baseline', 'jpeg-dct'],
  ['1.2.840.10008.1.2.4.51', 'JPEG Extended', 'jpeg-dct'],
  ['1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless', 'jpeg-ls'],
  ['1.2.840.10008.1.2.4.81', 'JPEG-LS Near-Lossless', 'jpeg-ls'],
  ['1.2.840.10008.1.2.4.90', 'JPEG 2000 Lossless', 'j2k'],
  ['1.2.840.10008.1.2.4.91', 'JPEG 2000', 'j2k'],
];

export const SUPPORTED_TRANSFER_SYNTAXES = new Map<string, TransferSyntax>(
  SUPPORTED.map(([uid, name, encoding]) => [
    uid,
    { uid, name, encoding, littleEndian: uid !== EXPLICIT_VR_BIG_ENDIAN, deflated: uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN },
  ]),
);

/** Names from DICOM PS3.6 Annex A of syntaxes we refuse, so the message says what the UID means. */
const OTHER_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2.1.98': 'Encapsulated Uncompressed Explicit VR Little Endian',
  '1.2.840.10008.1.2.4.52': 'JPEG Extended (Processes 3 & 5, retired)',
  '1.2.840.10008.1.2.4.53': 'JPEG Spectral Selection, Non-Hierarchical (retired)',
  '1.2.840.10008.1.2.4.55': 'JPEG Full Progression, Non-Hierarchical (retired)',
  '1.2.840.10008.1.2.4.58': 'JPEG Lossless, Non-Hierarchical (Process 15, retired)',
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Part 2 Multi-component Lossless',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Part 2 Multi-component',
  '1.2.840.10008.1.2.4.94': 'JPIP Referenced',
  '1.2.840.10008.1.2.4.95': 'JPIP Referenced Deflate',
  '1.2.840.10008.1.2.4.100': 'MPEG2 video',
  '1.2.840.10008.1.2.4.101': 'MPEG2 video',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 video',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 video',
  '1.2.840.10008.1.2.4.104': 'MPEG-4 video',
  '1.2.840.10008.1.2.4.105': 'MPEG-4 video',
  '1.2.840.10008.1.2.4.106': 'MPEG-4 video',
  '1.2.840.10008.1.2.4.107': 'HEVC video',
  '1.2.840.10008.1.2.4.108': 'HEVC video',
  '1.2.840.10008.1.2.4.110': 'JPEG XL Lossless',
  '1.2.840.10008.1.2.4.111': 'JPEG XL JPEG Recompression',
  '1.2.840.10008.1.2.4.112': 'JPEG XL',
  '1.2.840.10008.1.2.4.201': 'High-Throughput JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.202': 'High-Throughput JPEG 2000 with RPCL Options Lossless',
  '1.2.840.10008.1.2.4.203': 'High-Throughput JPEG 2000',
};

export function transferSyntaxName(uid: string): string {
  return SUPPORTED_TRANSFER_SYNTAXES.get(uid)?.name ?? OTHER_NAMES[uid] ?? 'unknown encoding';
}

/** The syntax's decoding plan; refuses (before any pixel parsing) those we cannot decode. */
export function checkTransferSyntax(uid: string): TransferSyntax {
  const known = SUPPORTED_TRANSFER_SYNTAXES.get(uid);
  if (known) return known;
  throw new ImageDecodeError(
    'unsupported-transfer-syntax',
    `The DICOM transfer syntax ${uid} (${transferSyntaxName(uid)}) is not supported; export the image ` +
      'uncompressed (Explicit VR Little Endian) or as JPEG Lossless, JPEG-LS, JPEG 2000 or RLE.',
  );
}
