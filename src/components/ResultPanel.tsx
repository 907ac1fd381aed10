import { formatBoneAge, formatMs } from '../format/age';
import { currentCase, useStore, type ModelPhase, type OpenCase } from '../state/store';
import { trainingRangeNote } from '../../core/model/training-range';
import { IntervalLine } from './IntervalLine';
import { QcGate } from './QcGate';
import { ReadingModeSwitch } from './ReadingModeSwitch';
import { SexReadingLine } from './SexReadingLine';

/** The estimate, always with the model that made it and that model's validated error. */
export function ResultPanel() {
  const current = useStore(currentCase);
  const phase = useStore((s) => s.phase);
  const card = useStore((s) => s.card);
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
          {noEstimateText(current, phase)}
        </p>
      </section>
    );
  }
  const months = result.estimate.boneAgeMonths;
  const age = formatBoneAge(months);
  const rangeNote = trainingRangeNote(months, card?.training?.labelRangeMonths);
  return (
    <section className="panel result-panel" aria-live="polite">
      <h2>Bone age</h2>
      <QcGate seq={current.seq}>
        <p className="bone-age" data-testid="bone-age" data-months={String(months)} data-seq={current.seq}>
          <span className="bone-age-ym">{age.yearsMonths}</span> <span className="bone-age-months">({age.months})</span>
        </p>
        <IntervalLine estimate={result.estimate} reading={result.reading} />
        <SexReadingLine estimate={result.estimate} />
        {rangeNote ? (
          <p className="qc-flags" role="alert" data-testid="range-warning" data-side={rangeNote.side}>
            {rangeNote.message}
          </p>
        ) : null}
      </QcGate>
      <p className="result-provenance" data-testid="result-model" data-reading={result.reading}>
        Model <strong>{result.modelName}</strong> v{result.modelVersion}, {result.readingName} · validated MAE{' '}
        {result.maeMonths !== null ? `${result.maeMonths.toFixed(1)} months` : 'not reported'}
        {result.maeN !== null ? ` (n = ${result.maeN})` : ''}
      </p>
      {current.rereadError ? (
        <p className="qc-flags" role="alert" data-testid="reread-error">
          {current.rereadError}
        </p>
      ) : null}
      <p className="result-timing muted">
        Inference <span data-testid="inference-ms" data-ms={String(result.inferenceMs)}>{formatMs(result.inferenceMs)}</span> on{' '}
        {result.backend} · map {result.estimate.map.rows}×{result.estimate.map.cols} cells · {current.fileName}
      </p>
      <ReadingModeSwitch place="result" />
    </section>
  );
}

/** What the panel says while a case has no estimate. */
function noEstimateText(c: OpenCase, phase: ModelPhase): string {
  if (c.status === 'queued' || c.status === 'reading') return 'Queued: waiting for its turn in the worklist.';
  if (phase === 'failed') return 'No estimate: the model is unavailable.';
  if (c.status === 'failed') return c.estimateError ? 'No estimate.' : `Could not open this file: ${c.message ?? 'unknown error'}`;
  return phase === 'ready' ? 'Estimating…' : 'Waiting for the model…';
}

