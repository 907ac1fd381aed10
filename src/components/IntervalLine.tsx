import type { Estimate } from '../../core/model/types';
import type { ReadingMode } from '../../core/model/reading-mode';
import { caseInterval } from '../../core/uncertainty/case-interval';
import { formatBoneAge } from '../format/age';
import { useReadingCard } from '../state/reading-card';

/** "90% prediction interval 110–146 months" (the model's error), from the model card's calibration and the case's own spread. */
export function IntervalLine({ estimate, reading }: { estimate: Estimate & { ttaSpread?: number }; reading?: ReadingMode }) {
  const iv = caseInterval(estimate, useReadingCard(reading));
  if (iv.kind === 'none') {
    return <p className="muted" data-testid="bone-age-interval" data-missing="true">{iv.reason}</p>;
  }
  const pct = Math.round(iv.coverage * 100);
  return (
    <p className="bone-age-interval" data-testid="bone-age-interval" data-lo={String(iv.lo)} data-hi={String(iv.hi)} data-coverage={String(iv.coverage)}>
      {pct}% prediction interval <strong>{Math.round(iv.lo)}–{Math.round(iv.hi)} months</strong>{' '}
      <span className="muted">({formatBoneAge(iv.lo).yearsMonths} – {formatBoneAge(iv.hi).yearsMonths}; calibrated on held-out cases{iv.withoutSex ? ', read without the sex' : ''})</span>
    </p>
  );
}
