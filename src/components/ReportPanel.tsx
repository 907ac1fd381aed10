import { useState } from 'react';
import { copyText } from '../report/copy-text';
import { useOpenCase } from '../state/case-access';
import { readingOf } from '../state/case-comparison';
import { useCaseCautions } from '../state/case-cautions';
import { useReadingCard } from '../state/reading-card';
import { useReportStore, type PrintIdentifiers } from '../state/report-store';
import { refreshPrintSnapshot } from './PrintReport';
import './report.css';

const IDENTIFIER_LABELS: Array<[keyof PrintIdentifiers, string]> = [
  ['name', 'name'],
  ['id', 'patient ID'],
  ['birthDate', 'birth date'],
  ['fileName', 'file name'],
];

/** The report text with "Copy report", and what goes on the printed report. */
export function ReportPanel() {
  const c = useOpenCase();
  const cautions = useCaseCautions(c);
  const include = useReportStore((s) => s.include);
  const setInclude = useReportStore((s) => s.setInclude);
  const [copyState, setCopyState] = useState<{ seq: number; text: string; ok: boolean } | null>(null);
  const card = useReadingCard(c?.result?.reading);
  if (!c || !c.result) return null;
  const { text } = readingOf(c, cautions, card);
  if (!text) return null;

  const copy = async () => {
    try {
      const how = await copyText(text);
      setCopyState({ seq: c.seq, text, ok: true });
      if (how === 'fallback') console.info('Report copied with the execCommand fallback.');
    } catch (error) {
      setCopyState({ seq: c.seq, text: error instanceof Error ? error.message : String(error), ok: false });
    }
  };
  // Say "copied" only while the text on screen is the text that was copied.
  const status = copyState && copyState.seq === c.seq ? (copyState.ok ? (copyState.text === text ? 'Copied.' : null) : copyState.text) : null;

  return (
    <section className="panel report-panel" data-testid="report-panel">
      <h2>Report</h2>
      <pre className="report-text" data-testid="report-text" tabIndex={0}>
        {text}
      </pre>
      <div className="report-actions">
        <button type="button" className="button" data-testid="copy-report" onClick={() => void copy()}>
          Copy report
        </button>
        <button
          type="button"
          className="button"
          data-testid="print-report"
          onClick={() => {
            refreshPrintSnapshot();
            window.print();
          }}
        >
          Print…
        </button>
        {status ? (
          <span className={copyState?.ok ? 'copy-ok' : 'field-error'} role="status" data-testid="copy-status">
            {status}
          </span>
        ) : null}
      </div>
      <fieldset className="print-options">
        <legend>On the printed report, include</legend>
        {IDENTIFIER_LABELS.map(([key, label]) => (
          <label key={key} className="checkbox">
            <input type="checkbox" checked={include[key]} onChange={(e) => setInclude(key, e.target.checked)} data-testid={`include-${key}`} />
            {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
