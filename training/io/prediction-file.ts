import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePredictionLines, type PredictionRow } from '../reports/compare-predictions';

/** A run's validation estimates of its last finished epoch, one case per line (the rows of
 *  `evaluate --predictions`, with the sex), so that k-fold runs pool their out-of-fold estimates. */
export const PREDICTIONS_FILE = 'validation-predictions.jsonl';

export function formatPredictionLines(rows: PredictionRow[]): string {
  return rows.map((r) => JSON.stringify({ id: r.id, boneage: r.boneage, predicted: Math.round(r.predicted * 100) / 100, ...(r.male === undefined ? {} : { male: r.male }) }) + '\n').join('');
}

/** Written whole or not at all (a kill mid-write leaves the previous epoch's file). */
export function writePredictionFile(dir: string, rows: PredictionRow[]): void {
  const path = join(dir, PREDICTIONS_FILE);
  writeFileSync(`${path}.tmp`, formatPredictionLines(rows));
  renameSync(`${path}.tmp`, path);
}

export function readPredictionFile(dir: string): PredictionRow[] | null {
  const path = join(dir, PREDICTIONS_FILE);
  return existsSync(path) ? parsePredictionLines(readFileSync(path, 'utf8')) : null;
}
