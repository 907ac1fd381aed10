import { trainingRangeNote } from '../../core/model/training-range';
import { qcOfCase, useQcStore } from './qc-store';
import { sexCaution } from './sex-reading';
import { useStore, type OpenCase } from './store';

/** What the automated checks say against a case's estimate, as sentences for the report: quality-control
 *  flags (or that it was not checked), a sex-reading model given no sex, and an estimate outside the
 *  model's training range. */
export function caseCautions(c: Pick<OpenCase, 'seq' | 'result'>, qc = useQcStore.getState(), card = useStore.getState().card): string[] {
  if (!c.result) return [];
  const out: string[] = [];
  const mine = qcOfCase(qc, c.seq);
  if (mine.report && !mine.report.ok) {
    out.push(`The automated quality check flagged this image (${mine.report.flags.map((f) => f.message).join(' ')}) The estimate may not be valid.`);
  } else if (qc.phase === 'failed' || mine.error) {
    out.push('The image was not quality-checked.');
  }
  const sex = sexCaution(c.result.estimate);
  if (sex) out.push(sex);
  const range = trainingRangeNote(c.result.estimate.boneAgeMonths, card?.training?.labelRangeMonths);
  if (range) out.push(range.message);
  return out;
}

/** caseCautions for a component: re-renders when quality control or the model card changes. */
export function useCaseCautions(c: Pick<OpenCase, 'seq' | 'result'> | null): string[] {
  const qc = useQcStore();
  const card = useStore((s) => s.card);
  return c ? caseCautions(c, qc, card) : [];
}
