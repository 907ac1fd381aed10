import { applyPatientEdit, type PatientEdit } from '../age/patient-info';
import { resultForSex, modelSexOf } from './sex-reading';
import { currentCase, useStore, type OpenCase, type State } from './store';

/**
 * The one place the patient/comparison/report components find "the case on screen" and write to it.
 * The case on screen is the worklist's selected case (currentCase).
 */
export const selectOpenCase = (s: State): OpenCase | null => currentCase(s);

export function useOpenCase(): OpenCase | null {
  return useStore(selectOpenCase);
}

/** Applies a user edit to the patient data of case `seq` (ignored if that case is no longer open).
 *  The one place the sex changes: a model with sex channels has its estimate re-read for it here (no
 *  network run), so everything downstream keeps reading estimate.boneAgeMonths / estimate.map. */
export function editPatient(seq: number, edit: PatientEdit): void {
  const { cases } = useStore.getState();
  if (!cases.some((c) => c.seq === seq)) return;
  useStore.setState({ cases: cases.map((c) => (c.seq === seq ? withPatient(c, applyPatientEdit(c.patient, edit)) : c)) });
}

/** The case with new patient data, and its estimate read for the patient's sex. */
function withPatient(c: OpenCase, patient: OpenCase['patient']): OpenCase {
  return { ...c, patient, result: resultForSex(c.result, modelSexOf(patient)) };
}
