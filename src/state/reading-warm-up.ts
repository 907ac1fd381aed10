import { effectiveReading, type ReadingMode } from '../../core/model/reading-mode';
import type { ModelCard } from '../../core/model/types';

/**
 * The reading to warm up ahead of a switch (the reader reaching for it): one the card offers that has not
 * run yet on this backend, or null. A careful reading is a batch of shifted copies, so its first run compiles kernels
 * (shaders on WebGL/WebGPU) for shapes the one-pass warm-up never saw; warming it beforehand keeps the
 * reader's first switch from being the slow one. Pure.
 */
export function readingToWarm(card: ModelCard, warmed: ReadonlySet<ReadingMode>): ReadingMode | null {
  for (const mode of ['standard', 'careful'] as const) {
    if (effectiveReading(card, mode) === mode && !warmed.has(mode)) return mode;
  }
  return null;
}
