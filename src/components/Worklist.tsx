import { useEffect, useRef } from 'react';
import { formatBoneAge } from '../format/age';
import { clearFinished, selectCase } from '../state/actions';
import { useStore, type OpenCase } from '../state/store';
import { isPending } from '../worklist/case-status';
import { worklistCsv, type CsvCase } from '../worklist/csv';
import { readingOf } from '../state/case-comparison';
import { readingCardNow } from '../state/reading-card';
import { qcOfCase, useQcStore } from '../state/qc-store';
import { downloadText, worklistFileName } from '../worklist/download';
import './worklist.css';

/** The worklist: one row per file opened, its status and bone age; a row click shows the case. */
export function Worklist() {
  const cases = useStore((s) => s.cases);
  const selected = useStore((s) => s.selected);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Keep the case on screen visible in the list as J/K step through it.
  useEffect(() => {
    scrollRef.current?.querySelector(`tr[data-seq="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (cases.length === 0) return null;
  const pending = cases.filter((c) => isPending(c.status)).length;
  const failed = cases.filter((c) => c.status === 'failed').length;
  return (
    <section className="panel worklist" data-testid="worklist">
      <div className="worklist-head">
        <h2>Worklist</h2>
        <span className="muted small" data-testid="worklist-summary">
          {cases.length} {cases.length === 1 ? 'case' : 'cases'}
          {pending ? ` · ${pending} to go` : ''}
          {failed ? ` · ${failed} failed` : ''}
        </span>
      </div>
      <div className="worklist-scroll" ref={scrollRef}>
        <table className="worklist-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Bone age
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr
                key={c.seq}
                className={c.seq === selected ? 'selected' : undefined}
                aria-selected={c.seq === selected}
                data-testid="worklist-row"
                data-seq={c.seq}
                data-status={c.status}
                onClick={() => selectCase(c.seq)}
              >
                <td className="wl-file" title={c.fileName}>
                  <span className="wl-name">{c.fileName}</span>
                  {c.status === 'failed' && c.message ? <span className="wl-message">{c.message}</span> : null}
                </td>
                <td className="num" data-months={c.result ? String(c.result.estimate.boneAgeMonths) : ''}>
                  {c.result ? formatBoneAge(c.result.estimate.boneAgeMonths).yearsMonths : '—'}
                </td>
                <td className={`wl-status wl-${c.status}`}>{c.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="worklist-actions">
        <button type="button" className="button" onClick={() => downloadText(worklistCsv(cases.map(withComparison)), worklistFileName())} data-testid="export-csv">
          Export CSV
        </button>
        <button type="button" className="button" onClick={clearFinished} disabled={cases.length === pending} data-testid="clear-finished">
          Clear finished
        </button>
        <span className="muted small">J / K: next / previous</span>
      </div>
    </section>
  );
}

/** A worklist row for the CSV, with the child's sex, chronological age, SDS, verdict and QC where known. */
function withComparison(c: OpenCase): CsvCase {
  const reading = readingOf(c, [], readingCardNow(c.result?.reading));
  const qc = qcOfCase(useQcStore.getState(), c.seq);
  const ch = reading.chronological;
  return {
    ...c,
    comparison: {
      sex: c.patient.sex?.value ?? null,
      chronologicalMonths: ch.months,
      sds: reading.comparison?.sds ?? null,
      verdict: reading.comparison?.verdict ?? 'indeterminate',
      ...(ch.months !== null
        ? { chronologicalSource: ch.source, chronologicalApproximate: ch.approximate, chronologicalUpToMonths: ch.upToMonths ?? null, studyDateAssumed: ch.studyDateAssumed ?? false }
        : { chronologicalReason: ch.reason }),
    },
    interval: !reading.interval ? null : reading.interval.kind === 'interval' ? reading.interval : { reason: reading.interval.reason },
    qc: qc.report ? (qc.report.ok ? 'ok' : qc.report.flags.map((f) => f.code).join(';')) : c.result ? 'unchecked' : null,
  };
}
