import { applyPatientEdit, type PatientEdit } from '../age/patient-info';
import { useStore, type OpenCase, type State } from './store';

/**
 * The one place the patient/comparison/report components find "the case on screen" and write to it.
 * When the store holds several cases (a worklist), re-point these three functions and nothing else.
 */
export const selectOpenCase = (s: State): OpenCase | null => s.current;

export function useOpenCase(): OpenCase | null {
  return useStore(selectOpenCase);
}

/** Applies a user edit to the patient data of case `seq` (ignored if that case is no longer open). */
export function editPatient(seq: number, edit: PatientEdit): void {
  const current = useStore.getState().current;
  if (!current || current.seq !== seq) return;
  useStore.setState({ current: { ...current, patient: applyPatientEdit(current.patient, edit) } });
}
