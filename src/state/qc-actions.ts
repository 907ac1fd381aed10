import { flipHorizontal } from '../../core/qc/transforms';
import type { DecodedImage } from '../../core/pipeline/types';
import { loadQcModel } from '../inference/load-qc-model';
import { decodedImage } from '../viewer/image-loader';
import { openDerivedCase } from './actions';
import { qcOfCase, useQcStore, type CaseQc } from './qc-store';
import { currentCase, useStore } from './store';

const qc = useQcStore;

function patchCase(seq: number, patch: Partial<CaseQc>): void {
  const byCase = qc.getState().byCase;
  qc.setState({ byCase: { ...byCase, [seq]: { ...qcOfCase(qc.getState(), seq), ...patch } } });
}

/** Loads the QC classifier beside the age model. If it cannot be loaded, estimates are still shown,
 *  marked as not checked, with the reason. Cases read before it arrived are checked then. */
export async function startQc(base: string): Promise<void> {
  try {
    const model = await loadQcModel(base);
    qc.setState({ model, phase: 'ready' });
  } catch (error) {
    console.error('QC model failed to load:', error);
    qc.setState({ phase: 'failed', loadError: `Quality control is unavailable: ${error instanceof Error ? error.message : String(error)}.` });
    return;
  }
  for (const c of useStore.getState().cases) {
    if (!c.imageId || qc.getState().byCase[c.seq]?.report) continue;
    try {
      await assessCase(c.seq, await decodedImage(c.imageId));
    } catch (error) {
      patchCase(c.seq, { error: `The quality check failed: ${error instanceof Error ? error.message : String(error)}.` });
    }
  }
}

/** Runs quality control on case `seq` (kept per case, so the worklist shows each case's own flags). */
export async function assessCase(seq: number, image: DecodedImage): Promise<void> {
  const { model } = qc.getState();
  if (!model) return; // assessed when the model arrives (startQc)
  try {
    patchCase(seq, { report: await model.assess(image), error: null });
  } catch (error) {
    console.error('Quality control failed:', error);
    patchCase(seq, { error: `The quality check failed: ${error instanceof Error ? error.message : String(error)}.` });
  }
}

/** Shows the estimate of a flagged case anyway (it stays marked). */
export function estimateAnyway(seq: number): void {
  patchCase(seq, { overridden: true });
}

/** Opens the left–right mirror of the case on screen as a new worklist case, checked and estimated afresh. */
export function flipCurrent(): void {
  const current = currentCase(useStore.getState());
  if (!current?.imageId) return;
  const name = current.fileName.endsWith(' (flipped)') ? current.fileName.slice(0, -' (flipped)'.length) : `${current.fileName} (flipped)`;
  openDerivedCase(current.seq, name, (image) => ({ ...image, ...flipHorizontal(image), notices: [...image.notices, 'Flipped left–right on this page.'] }));
}
