import type { CornerstoneView } from './cornerstone-view';

/** The page's one viewport, for the toolbar and the keyboard shortcuts (the Viewport component owns it). */
let active: CornerstoneView | null = null;

export function setActiveView(view: CornerstoneView | null): void {
  active = view;
}

export function activeView(): CornerstoneView | null {
  return active;
}
