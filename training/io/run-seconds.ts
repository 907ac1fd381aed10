/**
 * How long a training run had been running when a folder's weights were saved. A checkpoint folder
 * (`checkpoint/`, `state.json` beside the weights) has no card: its epochs' times are summed, as
 * train.ts sums them into a card's `durationSeconds`; a model folder (`model/`, `ckpt-K/`) carries them in its card.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModelCard } from './model-files';

/** The run's time over the epochs in a checkpoint's history, whole seconds. */
export function historySeconds(history: ReadonlyArray<{ seconds?: number }>): number {
  return Math.round(history.reduce((a, h) => a + (h.seconds ?? 0), 0));
}

/** The run's time up to the weights in `dir`: a checkpoint's state.json, else its model card. */
export function runSecondsAt(dir: string): number {
  const state = join(dir, 'state.json');
  if (existsSync(state)) return historySeconds((JSON.parse(readFileSync(state, 'utf8')) as { history?: Array<{ seconds?: number }> }).history ?? []);
  return readModelCard(dir).training.durationSeconds;
}
