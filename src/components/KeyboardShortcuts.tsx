import { useEffect } from 'react';
import { useViewerStore } from '../state/viewer-store';
import { runViewerAction } from '../viewer/commands';
import { shortcutFor } from '../viewer/shortcuts';

/** Listens for the viewer's keys on the whole page (not while typing into a field). Renders nothing. */
export function KeyboardShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      if (action === 'close' && !useViewerStore.getState().helpOpen) return; // Esc is not ours unless help is open
      e.preventDefault(); // arrows would scroll the page
      runViewerAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
