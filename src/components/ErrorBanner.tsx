import { currentCase, useStore } from '../state/store';

/** Why the last file could not be opened (or the estimate or the model failed). The case on screen is kept. */
export function ErrorBanner() {
  const error = useStore((s) => s.error);
  const estimateError = useStore((s) => currentCase(s)?.estimateError ?? null);
  const modelError = useStore((s) => s.modelError);
  const dismiss = useStore((s) => s.dismissError);
  const message = error
    ? `${error.fileName ? `Could not open “${error.fileName}”: ` : ''}${error.message}`
    : (estimateError ?? modelError);
  if (!message) return null;
  return (
    <div className="error" role="alert">
      <span data-testid="error" data-seq={error?.seq ?? ''} data-kind={error ? 'file' : estimateError ? 'estimate' : 'model'}>
        {message}
      </span>
      {error ? (
        <button type="button" className="link-button" onClick={dismiss} aria-label="Dismiss">
          ×
        </button>
      ) : null}
    </div>
  );
}
