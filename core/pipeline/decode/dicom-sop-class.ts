import type { DataSet } from './dicom-parser-module';
import { ImageDecodeError } from './errors';

/** SOP classes (PS3.4 B.5) and modalities that are DICOM but never a radiograph, so the reader is
 *  told what the file IS rather than "no pixel data". An entry ending in '.' is a UID prefix
 *  (a family of classes), any other an exact UID; the first match wins. */
const NON_IMAGE_SOP_CLASSES: Array<[prefix: string, what: string]> = [
  ['1.2.840.10008.5.1.4.1.1.88.', 'a structured report'],
  ['1.2.840.10008.5.1.4.1.1.104.1', 'an encapsulated PDF document'],
  ['1.2.840.10008.5.1.4.1.1.104.2', 'an encapsulated CDA document'],
  ['1.2.840.10008.5.1.4.1.1.104.3', 'an encapsulated STL model'],
  ['1.2.840.10008.5.1.4.1.1.104.', 'an encapsulated document'],
  ['1.2.840.10008.5.1.4.1.1.11.', 'a presentation state'],
  ['1.2.840.10008.5.1.4.1.1.9.', 'a waveform (e.g. an ECG)'],
  ['1.2.840.10008.5.1.4.1.1.66', 'raw data'],
  ['1.2.840.10008.5.1.4.1.1.66.', 'a registration, fiducials or a segmentation'],
  ['1.2.840.10008.5.1.4.1.1.481.', 'a radiotherapy object'],
  ['1.2.840.10008.5.1.4.1.1.67', 'a real-world value map'],
  ['1.2.840.10008.5.1.4.1.1.68.', 'a surface object'],
];

const NON_IMAGE_MODALITIES: Record<string, string> = {
  SR: 'a structured report',
  DOC: 'a document',
  PR: 'a presentation state',
  KO: 'a key object selection',
  ECG: 'a waveform (ECG)',
  REG: 'a registration',
  SEG: 'a segmentation',
  RTSTRUCT: 'a radiotherapy structure set',
  RTPLAN: 'a radiotherapy plan',
};

/** Refuses DICOM objects that are not images (SR, PDF, presentation state...), naming them. */
export function checkIsImageObject(ds: DataSet): void {
  const sopClass = (ds.string('x00080016') ?? '').replace(/[\0\s]+$/, '');
  const modality = (ds.string('x00080060') ?? '').trim().toUpperCase();
  const byClass = NON_IMAGE_SOP_CLASSES.find(([uid]) => (uid.endsWith('.') ? sopClass.startsWith(uid) : sopClass === uid));
  const what = byClass?.[1] ?? NON_IMAGE_MODALITIES[modality];
  if (!what) return;
  const ids = [sopClass && `SOP Class ${sopClass}`, modality && `modality ${modality}`].filter(Boolean).join(', ');
  throw new ImageDecodeError('not-an-image', `This DICOM file is ${what} (${ids}), not an image; please open the hand radiograph itself.`);
}

/** Modalities that can hold a projection radiograph of the hand (OT: secondary capture). */
const RADIOGRAPH_MODALITIES = new Set(['CR', 'DX', 'DR', 'RG', 'RF', 'OT', 'XA', 'PX', 'MG', '']);

/** A notice (not a refusal) when the image is from a modality that does not make hand radiographs. */
export function modalityNotice(ds: DataSet): string | undefined {
  const modality = (ds.string('x00080060') ?? '').trim().toUpperCase();
  if (RADIOGRAPH_MODALITIES.has(modality)) return undefined;
  return `This image is from modality ${modality}, not a radiograph (CR/DX); the model was trained on hand radiographs only and its estimate may be meaningless.`;
}
