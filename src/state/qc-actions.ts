import { flipHorizontal } from '../../core/qc/transforms';
import type { DecodedImage } from '../../core/pipeline/types';
import { loadQcModel } from '../inference/load-qc-model';
import { openImage } from './actions';
import { useQcStore } from './qc-store';
import { useStore } from './store';

const qc = useQcStore;

/** Loads the QC classifier beside the age model. If it cannot be loaded, estimates are still shown,
 *  marked as not checked, with the reason. */
export async function startQc(base: string): Promise<void> {
  try {
    const model = await loadQcModel(base);
    qc.setState({ model, phase: 'ready' });
  } catch (error) {
    console.error('QC model failed to load:', error);
    qc.setState({ phase: 'failed', loadError: `Quality control is unavailable: ${error instanceof Error ? error.message : String(error)}.` });
    return;
  }
  const current = useStore.getState().current;
  if (current && qc.getState().seq !== current.seq) void assessCase(current.seq, current.image);
}

/** Runs quality control on case `seq`; a later case replaces it. */
export async function assessCase(seq: number, image: DecodedImage): Promise<void> {
  const { model } = qc.getState();
  qc.setState({ seq, report: null, error: null, overridden: false });
  if (!model) return; // assessed when the model arrives
  try {
    const report = await model.assess(image);
    if (qc.getState().seq === seq) qc.setState({ report });
  } catch (error) {
    console.error('Quality control failed:', error);
    if (qc.getState().seq === seq) qc.setState({ error: `The quality check failed: ${error instanceof Error ? error.message : String(error)}.` });
  }
}

/** Shows the estimate of a flagged case anyway (it stays marked). */
export function estimateAnyway(): void {
  qc.setState({ overridden: true });
}

/** Opens the left–right mirror of the case on screen as a new case, checked and estimated afresh. */
export function flipCurrent(): void {
  const current = useStore.getState().current;
  if (!current) return;
  const flipped: DecodedImage = { ...current.image, ...flipHorizontal(current.image), notices: [...current.image.notices, 'Flipped left–right on this page.'] };
  const name = current.fileName.endsWith(' (flipped)') ? current.fileName.slice(0, -' (flipped)'.length) : `${current.fileName} (flipped)`;
  openImage(flipped, name, current.fileBytes);
}
