import { signed } from '../age/format';
import { formatBoneAge } from '../format/age';
import { useOpenCase } from '../state/case-access';
import { readingOf } from '../state/case-comparison';
import { useCaseCautions } from '../state/case-cautions';
import { AgeChart } from './AgeChart';
import './report.css';

const VERDICT_TEXT = {
  delayed: 'Delayed',
  'within normal limits': 'Within normal limits',
  advanced: 'Advanced',
  indeterminate: 'Indeterminate',
} as const;

/** Chronological age against bone age: difference, SD for age, SDS, verdict, and the chart. */
export function ComparisonPanel() {
  const c = useOpenCase();
  const cautions = useCaseCautions(c);
  if (!c) return null;
  const { chronological, comparison } = readingOf(c);
  return (
    <section className="panel comparison-panel" data-testid="comparison-panel" data-seq={c.seq}>
      <h2>Comparison with age</h2>
      {cautions.length > 0 ? (
        // The comparison is arithmetic on the estimate: it is only as valid as the estimate the checks doubt.
        <ul className="qc-flags" role="alert" data-testid="comparison-cautions">
          {cautions.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      <dl className="comparison">
        <dt>Chronological age</dt>
        {chronological.months !== null ? (
          <dd data-testid="chronological-age" data-months={String(chronological.months)}>
            <strong>{formatBoneAge(chronological.months).yearsMonths}</strong> ({chronological.months} completed months
            {chronological.upToMonths !== undefined ? `, approximate: up to ${chronological.upToMonths}` : chronological.approximate ? ', approximate' : ''}) <span className="muted small">from {chronological.source}</span>
          </dd>
        ) : (
          <dd data-testid="chronological-age" className="muted">
            unknown: {chronological.reason}
          </dd>
        )}
        {comparison ? (
          <>
            <dt>Bone age</dt>
            <dd data-testid="comparison-bone-age">{formatBoneAge(comparison.boneAgeMonths).text}</dd>
            <dt>Difference</dt>
            <dd>
              {comparison.differenceMonths !== null ? (
                <strong data-testid="age-difference">{signed(comparison.differenceMonths, 1)} months</strong>
              ) : (
                <span data-testid="age-difference" className="muted">—</span>
              )}
            </dd>
            <dt>SD for age</dt>
            {comparison.sdMonths !== null ? (
              <dd data-testid="sd-for-age" data-months={comparison.sdMonths.toFixed(3)}>
                {comparison.sdMonths.toFixed(1)} months <span className="muted small">Greulich–Pyle</span>
              </dd>
            ) : (
              <dd data-testid="sd-for-age" className="muted">
                not applicable: {comparison.reason}
              </dd>
            )}
            <dt>SDS</dt>
            <dd data-testid="sds" data-sds={comparison.sds === null ? '' : comparison.sds.toFixed(4)}>
              {comparison.sds === null ? '—' : <strong>{signed(comparison.sds, 2)}</strong>}
            </dd>
            <dt>Verdict</dt>
            <dd data-testid="verdict" data-verdict={comparison.verdict} className={`verdict verdict-${comparison.verdict.replace(/ /g, '-')}`}>
              {VERDICT_TEXT[comparison.verdict]}
              <span className="muted small"> (±2 SD)</span>
              {comparison.verdict === 'indeterminate' && comparison.sds !== null ? (
                <span className="muted small" data-testid="verdict-reason">: {comparison.reason}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {comparison ? (
        <AgeChart sex={comparison.sex} chronologicalMonths={chronological.months} boneAgeMonths={comparison.boneAgeMonths} />
      ) : (
        <p className="muted">{c.status === 'estimating' || c.status === 'queued' || c.status === 'reading' ? 'Waiting for the bone age…' : 'No bone age yet.'}</p>
      )}
    </section>
  );
}
