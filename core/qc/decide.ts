import { CLASSIFIER_CODES, QC_CLASSES, QC_MESSAGES } from './classes';
import type { QcFlag } from './types';

/** Classifier probabilities → at most one flag. An image is flagged when P(ok) falls below
 *  `okThreshold`; the reason is the most probable of the other classes. */
export function classifierFlag(probabilities: ArrayLike<number>, okThreshold: number): QcFlag | null {
  if (probabilities.length !== QC_CLASSES.length) throw new Error(`Expected ${QC_CLASSES.length} QC probabilities, got ${probabilities.length}.`);
  if (probabilities[0] >= okThreshold) return null;
  let best = 1;
  for (let i = 2; i < QC_CLASSES.length; i++) if (probabilities[i] > probabilities[best]) best = i;
  const cls = QC_CLASSES[best] as Exclude<(typeof QC_CLASSES)[number], 'ok'>;
  return { code: CLASSIFIER_CODES[cls], message: QC_MESSAGES[cls], score: probabilities[best] };
}

/** Named probabilities, for the record. */
export function namedProbabilities(probabilities: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(QC_CLASSES.map((c, i) => [c, Math.round(probabilities[i] * 1000) / 1000]));
}
