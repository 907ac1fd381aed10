import * as dicomParserNamespace from 'dicom-parser';

export type { DataSet, Element } from 'dicom-parser';

type DicomParser = typeof dicomParserNamespace;
// dicom-parser ships a UMD bundle: Node's ESM loader exposes it only as `default`, while vite's
// pre-bundling may expose the named functions directly. Accept either.
const mod = dicomParserNamespace as DicomParser & { default?: DicomParser };
export const dicomParser: DicomParser = typeof mod.parseDicom === 'function' ? mod : mod.default!;
