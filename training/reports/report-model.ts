import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoneAgeModel } from '../../core/model';
import type { ModelCard } from '../../core/model/types';
import { readLabels, type LabelledCase } from '../data/rsna';
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

/** The labelled thumbnails the model in `modelDir` held out (its split.json's validation ids), in the
 *  label file's order; the first `limit` only when one is given (a quick look). */
export function validationCases(modelDir: string, thumbDir: string, limit?: unknown): LabelledCase[] {
  const held = new Set((JSON.parse(readFileSync(join(modelDir, 'split.json'), 'utf8')) as { validation: string[] }).validation);
  const cases = readLabels(join(thumbDir, 'boneage-training-dataset.csv')).filter((c) => held.has(c.id));
  return limit ? cases.slice(0, Number(limit)) : cases;
}
