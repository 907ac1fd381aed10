import { applyPatientEdit, type PatientEdit } from '../age/patient-info';
import { currentCase, useStore, type OpenCase, type State } from './store';

/**
 * The one place the patient/comparison/report components find "the case on screen" and write to it.
 * The case on screen is the worklist's selected case (currentCase).
 */
export const selectOpenCase = (s: State): OpenCase | null => currentCase(s);

export function useOpenCase(): OpenCase | null {
  return useStore(selectOpenCase);
}

/** Applies a user edit to the patient data of case `seq` (ignored if that case is no longer open). */
export function editPatient(seq: number, edit: PatientEdit): void {
  const { cases } = useStore.getState();
  if (!cases.some((c) => c.seq === seq)) return;
  useStore.setState({ cases: cases.map((c) => (c.seq === seq ? { ...c, patient: applyPatientEdit(c.patient, edit) } : c)) });
}
