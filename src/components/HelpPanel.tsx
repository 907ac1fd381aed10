import { useViewerStore } from '../state/viewer-store';
import { MOUSE_GESTURES, SHORTCUTS } from '../viewer/shortcuts';
import './viewer.css';

/** The keyboard shortcuts and mouse gestures, opened with "?" or the toolbar's help button. */
export function HelpPanel() {
  const open = useViewerStore((s) => s.helpOpen);
  const setOpen = useViewerStore((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <div className="help-backdrop" onClick={() => setOpen(false)}>
      <section className="panel help-panel" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-panel" onClick={(e) => e.stopPropagation()}>
        <div className="help-title-row">
          <h2 id="help-title">Viewer shortcuts</h2>
          <button type="button" className="link-button" onClick={() => setOpen(false)} aria-label="Close help">
            ×
          </button>
        </div>
        <table className="help-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <th scope="row">
                  <kbd>{s.label}</kbd>
                </th>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Mouse</h2>
        <table className="help-table">
          <tbody>
            {MOUSE_GESTURES.map((g) => (
              <tr key={g.label}>
                <th scope="row">{g.label}</th>
                <td>{g.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
