import { dicomParser, type DataSet } from './dicom-parser-module';
import { inflateDataset } from './dicom-inflate';
import {
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
  type TransferSyntax,
  checkTransferSyntax,
} from './dicom-transfer-syntax';
import { ImageDecodeError, describeThrown } from './errors';

export const PIXEL_DATA_TAG = 'x7fe00010';

export interface ParsedDicom {
  dataSet: DataSet;
  transferSyntaxUID: string;
  /** How the pixel data is encoded (which decoder it needs). */
  syntax: TransferSyntax;
  littleEndian: boolean;
  /** False for a bare dataset with no 128-byte preamble and 'DICM' (old ACR-NEMA style export). */
  hasPart10Header: boolean;
}

const TRUNCATED_MESSAGE =
  'This DICOM file is incomplete (it ends too early); it may have been cut off during copying or download.';
const PIXELS_TRUNCATED_MESSAGE =
  'The pixel data in this DICOM file is incomplete (the file ends too early); it may have been cut off during copying or download.';

/** True when bytes 128–131 hold 'DICM', the DICOM Part 10 file signature. */
export function hasDicmPrefix(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** Parses a DICOM file (Part 10 or bare dataset) into a dicom-parser DataSet, refusing
 *  unsupported transfer syntaxes up front and reporting cut-off files as 'truncated'. */
export function parseDicomFile(bytes: Uint8Array): ParsedDicom {
  bytes = withPreamble(bytes);
  const hasPart10Header = hasDicmPrefix(bytes);
  const transferSyntaxUID = hasPart10Header ? readMetaTransferSyntax(bytes) : guessBareTransferSyntax(bytes);
  const syntax = checkTransferSyntax(transferSyntaxUID);

  let dataSet: DataSet;
  try {
    dataSet = hasPart10Header
      ? dicomParser.parseDicom(bytes, { inflater: inflateDataset as unknown as (arr: Uint8Array, position: number) => void })
      : dicomParser.parseDicom(bytes, { TransferSyntaxUID: transferSyntaxUID });
  } catch (thrown) {
    if (thrown instanceof ImageDecodeError) throw thrown;
    throw parseFailure(thrown);
  }
  checkComplete(dataSet);
  return {
    dataSet,
    transferSyntaxUID,
    syntax,
    littleEndian: syntax.littleEndian,
    hasPart10Header,
  };
}

/** A file meta group without the preamble gets one, so that dicom-parser reads the meta header. */
function withPreamble(bytes: Uint8Array): Uint8Array {
  if (hasDicmPrefix(bytes) || !startsWithGroup(bytes, 0x0002)) return bytes;
  const padded = new Uint8Array(132 + bytes.length);
  padded.set([0x44, 0x49, 0x43, 0x4d], 128);
  padded.set(bytes, 132);
  return padded;
}

function startsWithGroup(bytes: Uint8Array, group: number): boolean {
  return bytes.length >= 8 && (bytes[0] | (bytes[1] << 8)) === group;
}

/** The Transfer Syntax UID of a file, read from its meta header alone (cheap: no dataset parse);
 *  undefined when the file has no readable one (the full parse then says what is wrong). */
export function peekTransferSyntax(bytes: Uint8Array): string | undefined {
  try {
    const padded = withPreamble(bytes);
    return hasDicmPrefix(padded) ? readMetaTransferSyntax(padded) : guessBareTransferSyntax(padded);
  } catch {
    return undefined;
  }
}

function readMetaTransferSyntax(bytes: Uint8Array): string {
  let meta: DataSet & { position?: number };
  let uid: string | undefined;
  try {
    meta = dicomParser.readPart10Header(bytes);
    uid = meta.string('x00020010')?.replace(/[\0\s]+$/, '');
  } catch (thrown) {
    throw parseFailure(thrown);
  }
  if (!uid) {
    // The meta group ran to the end of the file: it was cut off before the transfer syntax.
    if ((meta.position ?? bytes.length) >= bytes.length) throw new ImageDecodeError('truncated', TRUNCATED_MESSAGE);
    throw new ImageDecodeError(
      'corrupt',
      'This DICOM file header does not say how the image is encoded (the Transfer Syntax UID is missing); the file is damaged.',
    );
  }
  return uid;
}

/** A bare dataset carries no transfer syntax: explicit VR shows a two-letter VR after the first tag. */
function guessBareTransferSyntax(bytes: Uint8Array): string {
  const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
  return bytes.length >= 6 && isUpper(bytes[4]) && isUpper(bytes[5]) ? EXPLICIT_VR_LITTLE_ENDIAN : IMPLICIT_VR_LITTLE_ENDIAN;
}

/** dicom-parser throws strings, Errors, or {exception, dataSet} with the part it did read. */
function parseFailure(thrown: unknown): ImageDecodeError {
  const detail = describeThrown(thrown);
  const partial = (thrown as { dataSet?: DataSet } | null)?.dataSet;
  if (/past end|overread|overrun|cannot be greater|maxP ?osition|eof/i.test(detail)) {
    const message = partial?.elements[PIXEL_DATA_TAG] ? PIXELS_TRUNCATED_MESSAGE : TRUNCATED_MESSAGE;
    return new ImageDecodeError('truncated', message, { cause: thrown });
  }
  return new ImageDecodeError('corrupt', 'This DICOM file is damaged and could not be read.', { cause: thrown });
}

/** dicom-parser accepts (implicit VR) elements whose declared length runs past the end of the
 *  file; any such element, or an unterminated sequence, means the file was cut short. */
function checkComplete(dataSet: DataSet): void {
  const size = dataSet.byteArray.length;
  for (const [tag, element] of Object.entries(dataSet.elements)) {
    if (element.dataOffset === undefined) continue; // synthetic meta element for bare datasets
    if (element.dataOffset + element.length > size) {
      throw new ImageDecodeError('truncated', tag === PIXEL_DATA_TAG ? PIXELS_TRUNCATED_MESSAGE : TRUNCATED_MESSAGE);
    }
  }
  if (dataSet.warnings.some((w) => /eof|end of (the )?(buffer|file)/i.test(w))) {
    throw new ImageDecodeError('truncated', TRUNCATED_MESSAGE);
  }
}
