import type { Estimate, ModelCard } from '../../core/model/types';
import { calibrationFor, intervalOf, mapSpread, type IntervalCalibration } from '../../core/uncertainty/interval';
import { formatBoneAge } from '../format/age';
import type { ReadingMode } from '../../core/model/reading-mode';
import { useReadingCard } from '../state/reading-card';

/** "90% interval 110–146 months", from the model card's calibration and the case's own spread. */
export function IntervalLine({ estimate, reading }: { estimate: Estimate & { ttaSpread?: number }; reading?: ReadingMode }) {
  const card = useReadingCard(reading) as (ModelCard & { interval?: IntervalCalibration }) | null;
  if (!card?.interval || !Number.isFinite(card.interval.q)) {
    return <p className="muted" data-testid="bone-age-interval" data-missing="true">No calibrated interval for this model.</p>;
  }
  // A reading without the child's sex errs more than one with it: it has its own calibration, or none.
  const cal = calibrationFor(card.interval, estimate.sexUsed);
  if (!cal) {
    return <p className="muted" data-testid="bone-age-interval" data-missing="true">No interval calibrated for a reading without the child's sex: enter the sex.</p>;
  }
  const spread = cal.method === 'map-spread' ? mapSpread(estimate.map) : cal.method === 'tta' ? (estimate.ttaSpread ?? NaN) : 0;
  if (!Number.isFinite(spread)) return <p className="muted" data-testid="bone-age-interval" data-missing="true">Interval not computed for this estimate.</p>;
  const iv = intervalOf(estimate.boneAgeMonths, spread, cal);
  const pct = Math.round(cal.coverage * 100);
  return (
    <p className="bone-age-interval" data-testid="bone-age-interval" data-lo={String(iv.lo)} data-hi={String(iv.hi)} data-coverage={String(cal.coverage)}>
      {pct}% interval <strong>{Math.round(iv.lo)}–{Math.round(iv.hi)} months</strong>{' '}
      <span className="muted">({formatBoneAge(iv.lo).yearsMonths} – {formatBoneAge(iv.hi).yearsMonths}; calibrated on held-out cases{estimate.sexUsed === 'average' ? ', read without the sex' : ''})</span>
    </p>
  );
}
