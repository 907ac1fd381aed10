/**
 * Whether an estimate lies outside the bone ages the model was trained on. A regressor extrapolates
 * badly past its labels (the shipped model gives negative ages for some infants' hands), so the page
 * says so rather than presenting such a number as a reading.
 */
export interface TrainingRangeNote {
  side: 'below' | 'above';
  message: string;
}

export function trainingRangeNote(boneAgeMonths: number, range: readonly [number, number] | undefined): TrainingRangeNote | null {
  if (!range || !Number.isFinite(boneAgeMonths)) return null;
  const [min, max] = range;
  if (boneAgeMonths < min) {
    return { side: 'below', message: `Below the youngest bone age in the model's training data (${min} months): the model cannot measure this hand reliably.` };
  }
  if (boneAgeMonths > max) {
    return { side: 'above', message: `Above the oldest bone age in the model's training data (${max} months): the model cannot measure this hand reliably.` };
  }
  return null;
}

/** The smallest and largest label, for the model card. */
export function labelRange(months: readonly number[]): [number, number] {
  let [min, max] = [Infinity, -Infinity];
  for (const m of months) {
    if (m < min) min = m;
    if (m > max) max = m;
  }
  return [min, max];
}
