/**
 * How far a training run had got when a folder's weights were saved: its epoch and its running time.
 * A checkpoint folder (`checkpoint/`, `state.json` beside the weights) has no card: its history is read,
 * the epochs' times summed as train.ts sums them into a card's `durationSeconds`; a model folder
 * (`model/`, `ckpt-K/`) carries both in its card.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModelCard } from './model-files';

/** The run's time over the epochs in a checkpoint's history, whole seconds. */
export function historySeconds(history: ReadonlyArray<{ seconds?: number }>): number {
  return Math.round(history.reduce((a, h) => a + (h.seconds ?? 0), 0));
}

/** The epoch of the weights in `dir` and the run's time up to them: a checkpoint's state.json, else its model card. */
export function runProgressAt(dir: string): { epoch: number; seconds: number } {
  const state = join(dir, 'state.json');
  if (existsSync(state)) {
    const s = JSON.parse(readFileSync(state, 'utf8')) as { epoch: number; history?: Array<{ seconds?: number }> };
    return { epoch: s.epoch, seconds: historySeconds(s.history ?? []) };
  }
  const { training } = readModelCard(dir);
  return { epoch: training.epochs, seconds: training.durationSeconds };
}
