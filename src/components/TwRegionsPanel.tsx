import { twRegions } from '../../core/localiser/tw-regions';
import { ROI_LABELS } from '../../core/localiser/types';
import { useLocaliserStore } from '../state/localiser-store';
import { currentCase, useStore } from '../state/store';
import { ROI_COLOURS } from '../viewer/roi-boxes';
import './tw-regions.css';

/** The localiser's state, one checkbox per label (draws/hides its boxes), and the TW3 regions the boxes give. */
export function TwRegionsPanel() {
  const { phase, localiser, error, regions, running, shown, setShown } = useLocaliserStore();
  const seq = useStore((s) => currentCase(s)?.seq ?? null);
  if (phase === 'idle' || phase === 'absent') return null;
  const current = regions && regions.seq === seq ? regions : null;
  const card = localiser?.card;
  const held = card?.validation;
  return (
    <section className="panel tw-panel" data-testid="tw-panel">
      <h2>Tanner–Whitehouse regions</h2>
      {phase === 'loading' ? <p className="muted">Loading the region localiser…</p> : null}
      {phase === 'failed' || error ? <p className="status-failed" data-testid="tw-error">{error}</p> : null}
      {running ? <p className="muted">Locating regions…</p> : null}
      {current ? (
        <>
          <div className="tw-labels">
            {ROI_LABELS.map((label) => (
              <label className="checkbox" key={label}>
                <input type="checkbox" checked={shown[label]} onChange={(e) => setShown(label, e.target.checked)} data-testid={`tw-toggle-${label}`} />
                <span className="swatch" style={{ background: ROI_COLOURS[label] }} />
                {label} ({current.boxes.filter((b) => b.label === label).length})
              </label>
            ))}
          </div>
          <details>
            <summary>TW3 regions (13 RUS bones, carpals)</summary>
            <table data-testid="tw-table">
              <thead>
                <tr><th>Region</th><th>From box</th><th>Score</th></tr>
              </thead>
              <tbody>
                {twRegions(current.boxes).map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>{r.derived ? `${r.source} (placed by rule)` : r.source}</td>
                    <td>{r.score.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <p className="muted small" data-testid="tw-provenance">
            {card?.name} v{card?.version}, located in {current.ms.toFixed(0)} ms
            {held && held.n_hands > 0
              ? `; on ${held.n_hands} held-out hands, median centre error ${held.centre_error_pct.median}% of hand size, recall at IoU ≥ 0.3 ${(held.recall_iou_0_3 * 100).toFixed(0)}%`
              : ''}
            . Boxes are regions to read, not findings.
          </p>
        </>
      ) : null}
    </section>
  );
}
