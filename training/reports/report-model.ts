import { BoneAgeModel } from '../../core/model';
import type { ModelCard } from '../../core/model/types';
import { loadModelFolder, readModelCard } from '../io/model-files';
import { initTrainingRuntime } from '../runtime';

/** The shipped model unless `--model` names another folder. */
export const DEFAULT_REPORT_MODEL = 'public/models/bonet-rsna100';

/** What every study script starts with: the runtime (`--backend`, wasm by default), then the model
 *  folder's card and network, read as the page reads them. */
export async function loadReportModel(args: { model?: unknown; backend?: unknown }): Promise<{ modelDir: string; card: ModelCard; model: BoneAgeModel }> {
  await initTrainingRuntime(args.backend === undefined ? 'wasm' : String(args.backend));
  const modelDir = String(args.model ?? DEFAULT_REPORT_MODEL);
  const card = readModelCard(modelDir);
  return { modelDir, card, model: new BoneAgeModel(await loadModelFolder(modelDir), card) };
}
