import type { ValidationFigures } from './types';

/** Below this (months) in both age bands the card's bias by band is not worth a sentence. */
export const BAND_BIAS_WORTH_SAYING = 1;

const amount = (bias: number) => `${Math.abs(bias).toFixed(1)} months ${bias > 0 ? 'older' : 'younger'}`;

/**
 * The bias by band of reference bone age that a card's validation measured, in words for the limitations:
 * a reader should know that an estimate is pulled toward the middle of the age range (the pattern every
 * least-squares estimator shows), by how much, and on how many cases. Null when the card has no band
 * figures or both biases are under BAND_BIAS_WORTH_SAYING. Pure: computed from the figures shown beside it.
 */
export function ageBandBiasText(validation: ValidationFigures | undefined): string | null {
  const young = validation?.subgroups?.['all 0-9y'];
  const old = validation?.subgroups?.['all 10-18y'];
  if (!young || !old || !Number.isFinite(young.bias_months) || !Number.isFinite(old.bias_months)) return null;
  if (Math.max(Math.abs(young.bias_months), Math.abs(old.bias_months)) < BAND_BIAS_WORTH_SAYING) return null;
  const measured = `Measured on its validation cases: below 10 years of bone age the estimate reads on average ${amount(young.bias_months)} than the reference (n = ${young.n}), from 10 years ${amount(old.bias_months)} (n = ${old.n}).`;
  if (young.bias_months > 0 && old.bias_months < 0) return `${measured} Estimates are pulled toward the middle of the age range: a very young or very mature skeleton is read nearer the middle than it is.`;
  if (young.bias_months < 0 && old.bias_months > 0) return `${measured} Estimates are pushed away from the middle of the age range.`;
  return measured;
}
