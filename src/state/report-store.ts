import { create } from 'zustand';

/** Which identifiers go on the printed report. All off by default: nothing identifying is printed
 *  unless the reader asks for it. */
export interface PrintIdentifiers {
  name: boolean;
  id: boolean;
  birthDate: boolean;
  /** Exported file names often carry the patient's name or record number. */
  fileName: boolean;
}

export interface ReportState {
  include: PrintIdentifiers;
  setInclude: (key: keyof PrintIdentifiers, on: boolean) => void;
}

export const useReportStore = create<ReportState>()((set) => ({
  include: { name: false, id: false, birthDate: false, fileName: false },
  setInclude: (key, on) => set((s) => ({ include: { ...s.include, [key]: on } })),
}));
