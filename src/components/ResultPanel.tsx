import { chronologicalAgeFromMeta } from '../age/age-from-dicom';
import { formatBoneAge, formatMs } from '../format/age';
import { useStore } from '../state/store';
import { IntervalLine } from './IntervalLine';
import { QcGate } from './QcGate';

/** The estimate, always with the model that made it and that model's validated error. */
export function ResultPanel() {
  const current = useStore((s) => s.current);
  const phase = useStore((s) => s.phase);
  if (!current) {
    return (
      <section className="panel result-panel">
        <h2>Bone age</h2>
        <p className="muted">Drop a hand radiograph on the viewer or use “Open image…” (PNG, JPEG or DICOM).</p>
      </section>
    );
  }
  const result = current.result;
  if (!result) {
    return (
      <section className="panel result-panel">
        <h2>Bone age</h2>
        <p className="muted">
          {current.estimating ? 'Estimating…' : phase === 'failed' ? 'No estimate: the model is unavailable.' : current.estimateError ? 'No estimate.' : 'Waiting for the model…'}
        </p>
      </section>
    );
  }
  const months = result.estimate.boneAgeMonths;
  const age = formatBoneAge(months);
  return (
    <section className="panel result-panel" aria-live="polite">
      <h2>Bone age</h2>
      <QcGate seq={current.seq}>
        <p className="bone-age" data-testid="bone-age" data-months={String(months)} data-seq={current.seq}>
          <span className="bone-age-ym">{age.yearsMonths}</span> <span className="bone-age-months">({age.months})</span>
        </p>
        <IntervalLine estimate={result.estimate} />
      </QcGate>
      <p className="result-provenance" data-testid="result-model">
        Model <strong>{result.modelName}</strong> v{result.modelVersion} · validated MAE{' '}
        {result.maeMonths !== null ? `${result.maeMonths.toFixed(1)} months` : 'not reported'}
        {result.maeN !== null ? ` (n = ${result.maeN})` : ''}
      </p>
      <ChronologicalAgeLine meta={current.image.meta} boneAgeMonths={months} />
      <p className="result-timing muted">
        Inference <span data-testid="inference-ms" data-ms={String(result.inferenceMs)}>{formatMs(result.inferenceMs)}</span> on{' '}
        {result.backend} · map {result.estimate.map.rows}×{result.estimate.map.cols} cells · {current.fileName}
      </p>
    </section>
  );
}

/** Chronological age from the file (DICOM) and how far the bone age is from it. PNG/JPEG carry none. */
function ChronologicalAgeLine({ meta, boneAgeMonths }: { meta: Record<string, string | number | undefined>; boneAgeMonths: number }) {
  const age = chronologicalAgeFromMeta(meta);
  if (age.months === null) return <p className="muted" data-testid="chronological-age">Chronological age unknown: {age.reason}</p>;
  const diff = boneAgeMonths - age.months;
  return (
    <p data-testid="chronological-age" data-months={String(age.months)}>
      Chronological age <strong>{formatBoneAge(age.months).yearsMonths}</strong> ({age.months} completed months
      {age.approximate ? ', approximate' : ''}; from {age.source}) · bone age − chronological age{' '}
      <strong data-testid="age-difference">{diff >= 0 ? '+' : '−'}{Math.abs(diff).toFixed(1)} months</strong>
    </p>
  );
}
