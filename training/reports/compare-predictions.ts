import { pairedComparison, type PairedComparison } from './paired';

/** One case as `evaluate --predictions` prints it. */
export interface PredictionRow {
  id: string;
  boneage: number;
  predicted: number;
  /** The child's sex, where the file records it (training runs' validation files do). */
  male?: boolean;
}

/** The per-case lines of an `evaluate --predictions` output (its summary and any other line are skipped). */
export function parsePredictionLines(text: string): PredictionRow[] {
  const rows: PredictionRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line) as Partial<PredictionRow>;
    if (typeof o.id === 'string' && Number.isFinite(o.boneage) && Number.isFinite(o.predicted)) rows.push(o as PredictionRow);
  }
  return rows;
}

export interface PredictionComparison {
  /** Cases every file has (ids in the first file's order). */
  n: number;
  /** Each file's MAE (months) on those cases. */
  mae: number[];
  /** File k against the first (k ≥ 1): per-case differences of the absolute errors. */
  vsFirst: PairedComparison[];
  /** The MAE of the mean of all files' predictions per case (an ensemble of the readings). */
  meanOfPredictionsMae: number;
  /** The mean of the predictions against the first file. */
  meanVsFirst: PairedComparison;
}

/** Compares readings of the same cases by several models (or settings), each an `evaluate --predictions` output. */
export function comparePredictions(files: PredictionRow[][]): PredictionComparison {
  if (files.length < 2) throw new Error('Give at least two prediction files.');
  const byId = files.map((rows) => new Map(rows.map((r) => [r.id, r])));
  const ids = files[0].map((r) => r.id).filter((id) => byId.every((m) => m.has(id)));
  if (ids.length < 2) throw new Error(`The files share ${ids.length} case(s); they must read the same cases.`);
  for (const id of ids) {
    const truth = byId.map((m) => m.get(id)!.boneage);
    if (truth.some((t) => t !== truth[0])) throw new Error(`Case ${id} has different reference ages in the files (${truth.join(', ')}).`);
  }
  const errors = byId.map((m) => ids.map((id) => Math.abs(m.get(id)!.predicted - m.get(id)!.boneage)));
  const meanErrors = ids.map((id) => {
    const p = byId.reduce((s, m) => s + m.get(id)!.predicted, 0) / byId.length;
    return Math.abs(p - byId[0].get(id)!.boneage);
  });
  const mae = (e: number[]) => Math.round((e.reduce((s, v) => s + v, 0) / e.length) * 1000) / 1000;
  return {
    n: ids.length,
    mae: errors.map(mae),
    vsFirst: errors.slice(1).map((e) => pairedComparison(errors[0], e)),
    meanOfPredictionsMae: mae(meanErrors),
    meanVsFirst: pairedComparison(errors[0], meanErrors),
  };
}
