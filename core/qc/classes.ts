import type { QcCode } from './types';

/** The QC classifier's output classes, in the order of its logits. */
export const QC_CLASSES = ['ok', 'not-hand', 'mirrored', 'rotated', 'inverted', 'multiple-hands'] as const;
export type QcClass = (typeof QC_CLASSES)[number];

/** What the page says when the classifier picks a class other than `ok`. */
export const QC_MESSAGES: Record<Exclude<QcClass, 'ok'>, string> = {
  'not-hand': 'This does not look like a hand radiograph (the quality check sees no hand).',
  mirrored: 'This looks like a right hand or a mirrored image; the model was trained on left hands. Flip it to score it as a left hand.',
  rotated: 'The hand is rotated far from upright (fingers up); rotate the image before scoring.',
  inverted: 'The polarity looks inverted (bone dark, background bright).',
  'multiple-hands': 'More than one hand is in the image; the model scores one left hand.',
};

export const CLASSIFIER_CODES: Record<Exclude<QcClass, 'ok'>, QcCode> = {
  'not-hand': 'not-hand',
  mirrored: 'mirrored',
  rotated: 'rotated',
  inverted: 'inverted',
  'multiple-hands': 'multiple-hands',
};
