import { stepCase } from '../state/actions';
import { useStore } from '../state/store';
import { useViewerStore } from '../state/viewer-store';
import { activeView } from './active-view';
import type { ShortcutAction } from './shortcuts';

/** Zoom step of the +/− keys and buttons. */
const ZOOM_STEP = 1.25;

/** Carries out a viewer action, from a key or a toolbar button. */
export function runViewerAction(action: ShortcutAction): void {
  const view = activeView();
  const viewer = useViewerStore.getState();
  switch (action) {
    case 'invert':
      return view?.toggleInvert();
    case 'reset':
      return view?.reset();
    case 'zoom-in':
      return view?.zoom(ZOOM_STEP);
    case 'zoom-out':
      return view?.zoom(1 / ZOOM_STEP);
    case 'toggle-overlay': {
      const { overlay, setOverlayVisible } = useStore.getState();
      return setOverlayVisible(!overlay.visible);
    }
    case 'help':
      return viewer.setHelpOpen(!viewer.helpOpen);
    case 'close':
      return viewer.setHelpOpen(false);
    case 'next-case':
      return stepCase(1);
    case 'previous-case':
      return stepCase(-1);
    case 'tool-window':
      return viewer.setTool('window');
    case 'tool-pan':
      return viewer.setTool('pan');
    case 'tool-zoom':
      return viewer.setTool('zoom');
  }
}
