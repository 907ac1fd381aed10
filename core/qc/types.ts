/** What quality control can say about an image. `not-hand` covers blank, noise, textures, shapes, photos. */
export type QcCode = 'not-hand' | 'mirrored' | 'rotated' | 'inverted' | 'too-dark' | 'burnt-out' | 'multiple-hands';

export interface QcFlag {
  code: QcCode;
  /** One sentence the page shows to the reader. */
  message: string;
  /** The evidence behind the flag: a probability (classifier) or the measured value (rules). */
  score: number;
}

export interface QcReport {
  /** No flag was raised: the estimate can be shown as valid. */
  ok: boolean;
  flags: QcFlag[];
  /** The classifier's probability per class, when it ran (for the record, not for the reader). */
  probabilities: Record<string, number> | null;
}
