import type { ReactNode } from 'react';
import { estimateAnyway, flipCurrent } from '../state/qc-actions';
import { qcOfCase, useQcStore } from '../state/qc-store';
import './qc.css';

/** Shows quality control before the estimate: while the check runs, or when it raised flags, the
 *  estimate is greyed and marked not valid, with the reasons and what the reader can do. */
export function QcGate({ seq, children }: { seq: number; children: ReactNode }) {
  const phase = useQcStore((s) => s.phase);
  const loadError = useQcStore((s) => s.loadError);
  const qc = useQcStore((s) => qcOfCase(s, seq));
  if (phase === 'failed' || qc.error) {
    return (
      <div data-testid="qc-state" data-qc="unchecked">
        {children}
        <p className="muted qc-note" data-testid="qc-note">Not quality-checked. {qc.error ?? loadError}</p>
      </div>
    );
  }
  const report = qc.report;
  if (!report) {
    return (
      <div data-testid="qc-state" data-qc="pending" className="qc-invalid">
        {children}
        <p className="muted qc-note">Checking the image…</p>
      </div>
    );
  }
  if (report.ok) {
    return (
      <div data-testid="qc-state" data-qc="ok">
        {children}
        <p className="muted qc-note" data-testid="qc-note">Quality check passed: one upright left hand, normal polarity and exposure.</p>
      </div>
    );
  }
  const mirrored = report.flags.some((f) => f.code === 'mirrored');
  return (
    <div data-testid="qc-state" data-qc="flagged">
      <div className="qc-flags" role="alert" data-testid="qc-flags">
        <strong>Not a valid estimate — the quality check flagged this image:</strong>
        <ul>
          {report.flags.map((f) => (
            <li key={f.code} data-testid="qc-flag" data-code={f.code}>{f.message}</li>
          ))}
        </ul>
        {mirrored && <button type="button" data-testid="qc-flip" onClick={flipCurrent}>Flip left–right and re-score</button>}
        {!qc.overridden && <button type="button" data-testid="qc-show-anyway" onClick={() => estimateAnyway(seq)}>Show the estimate anyway</button>}
      </div>
      {qc.overridden ? <div className="qc-invalid" data-testid="qc-overridden">{children}</div> : <div className="qc-withheld" data-testid="qc-withheld" aria-hidden="true">{children}</div>}
    </div>
  );
}
