import { currentCase, statusText, useStore } from '../state/store';

/** Model state and the backend it runs on. */
export function StatusBar() {
  const phase = useStore((s) => s.phase);
  const reading = useStore((s) => s.reading);
  const current = useStore(currentCase);
  const backend = useStore((s) => s.backend);
  const requested = useStore((s) => s.requestedBackend);
  const note = useStore((s) => s.backendNote);
  const busy = phase === 'starting' || phase === 'loading' || phase === 'warming' || reading || current?.status === 'estimating';
  return (
    <div className="status-bar">
      <span className={`status status-${phase}`} data-testid="status" aria-live="polite">
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {statusText({ phase, reading, current, backend })}
      </span>
      <span className="backend-label">
        Backend:{' '}
        <span data-testid="backend" data-requested={requested ?? ''}>
          {backend ?? '—'}
        </span>
      </span>
      {note ? (
        <span className="backend-note" data-testid="backend-note">
          {note}
        </span>
      ) : null}
    </div>
  );
}
