import { SUBGROUP_ROWS } from '../../core/model/subgroups';
import { halfWidth, type IntervalAssessment, type IntervalCalibration } from '../../core/uncertainty/interval';
import { wilsonInterval } from '../../core/uncertainty/wilson-interval';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const f1 = (v: number) => v.toFixed(1);
/** "86.5% (95% CI 81.4–90.4)": a coverage measured on a few hundred cases is itself uncertain. */
function coverageText(a: IntervalAssessment): string {
  const ci = wilsonInterval(Math.round(a.coverage * a.n), a.n);
  return `${pct(a.coverage)} (95% CI ${(100 * ci.lo).toFixed(1)}–${(100 * ci.hi).toFixed(1)})`;
}
const yearsOf = (months: number) => +(months / 12).toFixed(1);
const years = (months: number) => `${yearsOf(months)} y`;

/** The half-widths in words: one for all estimates, or one per band of estimated age. */
export function intervalWidthText(cal: IntervalCalibration): string {
  if (cal.method === 'age-band') {
    const edges = cal.bandEdges, widths = cal.bandQ;
    if (!edges || !widths || widths.length !== edges.length + 1) return 'by band of estimated bone age, but the bands in the card are malformed (no interval is shown)';
    if (!widths.every(Number.isFinite)) return 'by band of estimated bone age, but a band had too few calibration cases (no interval is shown)';
    const parts = widths.map((q, b) => {
      const where = b === 0 ? `below ${years(edges[0])}` : b === edges.length ? `from ${years(edges[b - 1])}` : `${yearsOf(edges[b - 1])}–${years(edges[b])}`;
      return `±${f1(q)} ${where}`;
    });
    return `by band of estimated bone age: ${parts.join(', ')} (months)`;
  }
  if (!Number.isFinite(cal.q)) return 'no finite width: calibrated on too few cases (no interval is shown)';
  if (cal.method === 'constant') return `±${f1(halfWidth(0, 0, cal))} months for every estimate`;
  return `${cal.method === 'tta' ? 'scaled by the spread of shifted readings' : "scaled by the spread of the case's age map"} (q ${cal.q.toFixed(3)}, offset ${cal.offsetMonths} months)`;
}

function Measured({ label, a }: { label: string; a: IntervalAssessment | null | undefined }) {
  if (!a) return null;
  return <>{label}: covered {coverageText(a)}, n = {a.n}, mean width {f1(a.meanWidthMonths)} months. </>;
}

/** One calibration (with or without the sex): its widths, its measured coverage, and by subgroup. */
function Calibration({ title, cal }: { title: string; cal: IntervalCalibration }) {
  const rec = cal.calibration;
  const groups = rec?.testHalfBySubgroup;
  return (
    <div data-testid="interval-calibration">
      <p>
        {title}: {intervalWidthText(cal)}. <Measured label="Held-out half of the validation split" a={rec?.testHalf} />
        <Measured label="The 40 full-resolution radiographs" a={rec?.fullRes40} />
        {rec?.repeatedHalves && (
          <>
            Over {rec.repeatedHalves.repeats} random halvings of the validation split (fitted on one half, measured on the other): mean coverage{' '}
            {pct(rec.repeatedHalves.meanCoverage)} (5th–95th percentile {pct(rec.repeatedHalves.p5Coverage)}–{pct(rec.repeatedHalves.p95Coverage)}), mean width{' '}
            {f1(rec.repeatedHalves.meanWidthMonths)} months.{' '}
          </>
        )}
        {!rec?.testHalf && 'No measured coverage in this card.'}
      </p>
      {groups && Object.keys(groups).length > 0 && (
        <table className="model-subgroups">
          <caption>{title}: coverage on the held-out half, by subgroup (the {Math.round(cal.coverage * 100)}% is calibrated over all cases, not within each group)</caption>
          <thead>
            <tr><th scope="col">Group</th><th scope="col">n</th><th scope="col">Covered (95% CI)</th><th scope="col">Mean width (mo)</th></tr>
          </thead>
          <tbody>
            {SUBGROUP_ROWS.filter(([key]) => groups[key]).map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{groups[key].n}</td>
                <td>{coverageText(groups[key])}</td>
                <td>{f1(groups[key].meanWidthMonths)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The card's prediction interval as calibrated (`npm run calibrate:interval`): what a researcher checks
 *  before trusting the interval line beside an estimate. Nothing when the card has no interval. */
export function IntervalCalibrationDetails({ interval }: { interval: IntervalCalibration | undefined }) {
  if (!interval) return null;
  const pctNominal = Math.round(interval.coverage * 100);
  return (
    <div data-testid="interval-calibration-details">
      <Calibration title={`${pctNominal}% prediction interval`} cal={interval} />
      {interval.withoutSex && <Calibration title="Read without the sex" cal={interval.withoutSex} />}
    </div>
  );
}
