import type { DataSet } from './dicom-parser-module';

/** Tags worth showing the reader or using downstream (age from birth/study dates, sex, spacing),
 *  keyed by DICOM keyword. Multi-valued strings keep DICOM's backslash separator. */
const STRING_TAGS: Record<string, string> = {
  SOPClassUID: 'x00080016',
  StudyDate: 'x00080020',
  AcquisitionDate: 'x00080022',
  ContentDate: 'x00080023',
  Modality: 'x00080060',
  StudyDescription: 'x00081030',
  SeriesDescription: 'x0008103e',
  PatientName: 'x00100010',
  PatientID: 'x00100020',
  PatientBirthDate: 'x00100030',
  PatientSex: 'x00100040',
  PatientAge: 'x00101010',
  BodyPartExamined: 'x00180015',
  ImagerPixelSpacing: 'x00181164',
  Laterality: 'x00200060',
  ImageLaterality: 'x00200062',
  PhotometricInterpretation: 'x00280004',
  PixelSpacing: 'x00280030',
  WindowCenter: 'x00281050',
  WindowWidth: 'x00281051',
  RescaleIntercept: 'x00281052',
  RescaleSlope: 'x00281053',
};

const US_TAGS: Record<string, string> = {
  Rows: 'x00280010',
  Columns: 'x00280011',
  BitsAllocated: 'x00280100',
  BitsStored: 'x00280101',
  PixelRepresentation: 'x00280103',
};

export function readDicomMeta(ds: DataSet, transferSyntaxUID: string): Record<string, string | number | undefined> {
  const meta: Record<string, string | number | undefined> = { TransferSyntaxUID: transferSyntaxUID };
  for (const [keyword, tag] of Object.entries(STRING_TAGS)) {
    const value = ds.elements[tag] ? ds.string(tag) : undefined;
    if (value) meta[keyword] = value;
  }
  for (const [keyword, tag] of Object.entries(US_TAGS)) {
    const value = ds.elements[tag] ? ds.uint16(tag) : undefined;
    if (value !== undefined) meta[keyword] = value;
  }
  const frames = ds.elements.x00280008 ? ds.intString('x00280008') : undefined;
  if (frames !== undefined && Number.isFinite(frames)) meta.NumberOfFrames = frames;
  return meta;
}
