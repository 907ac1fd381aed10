import { useReadingCard } from '../state/reading-card';
import { useEffect } from 'react';
import { formatIsoDate } from '../age/calendar-date';
import { isAfterToday } from '../age/case-age';
import { snapshotViewport } from '../report/viewport-snapshot';
import { useOpenCase } from '../state/case-access';
import { readingOf } from '../state/case-comparison';
import { useCaseCautions } from '../state/case-cautions';
import { useReportStore } from '../state/report-store';
import { useStore } from '../state/store';
import { AgeChart } from './AgeChart';
import './report.css';
import { CardLimitations } from './CardLimitations';

/** Copies the viewer (radiograph + age map as shown) into the printed report's image. Synchronous,
 *  so it can run in a beforeprint handler or just before window.print(). Keeps the last copy when
 *  the viewer has nothing drawn: in print layout the viewer is hidden and its canvas shrinks to 0. */
export function refreshPrintSnapshot(): void {
  const printImage = printImageElement();
  const url = printImage ? snapshotViewport() : null;
  if (!printImage || !url) return;
  printImage.src = url;
  printImage.hidden = false;
}

function printImageElement(): HTMLImageElement | null {
  return document.querySelector<HTMLImageElement>('img[data-testid="print-radiograph"]');
}

/** Drops the copy (another case is opening: its radiograph is not drawn yet). */
function clearPrintSnapshot(): void {
  const printImage = printImageElement();
  if (!printImage) return;
  printImage.removeAttribute('src');
  printImage.hidden = true;
}

/**
 * The printed report (hidden on screen, the only thing shown in print): chosen identifiers, the
 * radiograph with the age map, the chart, the report text and a model-card summary.
 */
export function PrintReport() {
  const c = useOpenCase();
  const cautions = useCaseCautions(c);
  // The figures of the reading that made this case's estimate.
  const card = useReadingCard(c?.result?.reading);
  const overlay = useStore((s) => s.overlay);
  const include = useReportStore((s) => s.include);

  useEffect(() => {
    const media = window.matchMedia('print');
    const onMedia = () => media.matches && refreshPrintSnapshot();
    window.addEventListener('beforeprint', refreshPrintSnapshot);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', refreshPrintSnapshot);
      media.removeEventListener('change', onMedia);
    };
  }, []);

  // Keep the copy current as the case, its map or the overlay settings change (after they are drawn).
  const seq = c?.seq ?? null;
  const hasResult = Boolean(c?.result);
  useEffect(() => clearPrintSnapshot(), [seq]);
  useEffect(() => {
    const timer = window.setTimeout(refreshPrintSnapshot, 400);
    return () => window.clearTimeout(timer);
  }, [seq, hasResult, overlay.visible, overlay.opacity]);

  if (!c) {
    return (
      <div className="print-report" data-testid="print-view">
        <p>No radiograph is open.</p>
      </div>
    );
  }
  const reading = readingOf(c, cautions, card);
  const p = c.patient;
  const ids: Array<[string, string]> = [];
  if (include.name) ids.push(['Name', p.name?.value.trim() ?? '(not given)']);
  if (include.id) ids.push(['Patient ID', p.patientId?.value.trim() ?? '(not given)']);
  if (include.birthDate) ids.push(['Birth date', p.birthDate ? formatIsoDate(p.birthDate.value) : '(not given)']);
  if (include.fileName) ids.push(['File', c.fileName]);
  const v = card?.validation;
  return (
    <div className="print-report" data-testid="print-view">
      <header className="print-header">
        <h1>Bone age report</h1>
        <p className="print-caveat">BoneAge research tool — not a medical device, not for clinical diagnosis.</p>
        {p.studyDate ? (
          <p>
            Study date: {formatIsoDate(p.studyDate.value)}
            {p.studyDate.assumed ? ' (assumed)' : isAfterToday(p.studyDate.value) ? ' (later than the day printed: check it)' : ''}
          </p>
        ) : null}
      </header>
      <section className="print-identifiers" data-testid="print-identifiers">
        {ids.length ? (
          <dl>
            {ids.map(([k, val]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{val}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="print-muted">Patient identifiers left out (choose them on the page before printing).</p>
        )}
      </section>
      <div className="print-figures">
        <figure className="print-radiograph">
          <img data-testid="print-radiograph" alt="Radiograph as displayed, with the regional age map" hidden />
          <figcaption>
            Radiograph{c.result && overlay.visible ? ` with the regional age map (opacity ${Math.round(overlay.opacity * 100)} %)` : ''}
          </figcaption>
        </figure>
        {reading.comparison ? (
          <figure className="print-chart">
            <AgeChart sex={reading.comparison.sex} chronologicalMonths={reading.chronological.months} boneAgeMonths={reading.comparison.boneAgeMonths} />
          </figure>
        ) : null}
      </div>
      <pre className="print-text" data-testid="print-report-text">
        {reading.text ?? 'No bone age estimate for this image.'}
      </pre>
      {card ? (
        <section className="print-model" data-testid="print-model-card">
          <h2>Model</h2>
          <p>
            {card.name} v{card.version}
            {c?.result ? `, ${c.result.readingName}` : ''}
            {v && Number.isFinite(v.mae_months) ? ` · validated MAE ${v.mae_months.toFixed(1)} months (n = ${v.n})` : ' · validated error not reported'}
            {v && Number.isFinite(v.rmse_months) ? `, RMSE ${v.rmse_months.toFixed(1)} months` : ''}
          </p>
          {card.training?.data ? <p>Training data: {card.training.data}</p> : null}
          <p>
            Input: {card.input.width}×{card.input.height} px grayscale. SD for age: Greulich &amp; Pyle 1959 (Brush Foundation); verdict at ±2 SD.
          </p>
          <CardLimitations limitations={card.limitations} validation={card.validation} />
        </section>
      ) : null}
    </div>
  );
}
