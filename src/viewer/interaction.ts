import type { CornerstoneView } from './cornerstone-view';
import { dragAction, dragZoomFactor, wheelZoomFactor, type Tool } from './geometry';

/**
 * Mouse handling for the viewport: drags (window/level, pan, zoom by button and tool), wheel zoom
 * about the pointer, double click to reset. Each drag works from the state at its start, so the
 * result depends only on the total movement.
 */
export function attachInteraction(element: HTMLElement, view: CornerstoneView, tool: () => Tool): () => void {
  let drag: { id: number; action: Tool; x: number; y: number; start: ReturnType<typeof startOf>; lastY: number } | null = null;

  function startOf() {
    return { voi: view.voi(), transform: view.transform() };
  }

  const onDown = (e: PointerEvent) => {
    const action = dragAction(e.button, tool(), e);
    if (!action || drag) return;
    e.preventDefault();
    element.setPointerCapture?.(e.pointerId);
    drag = { id: e.pointerId, action, x: e.clientX, y: e.clientY, start: startOf(), lastY: e.clientY };
  };
  const onMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (drag.action === 'window' && drag.start.voi) view.windowFromDrag(drag.start.voi, dx, dy);
    else if (drag.action === 'pan' && drag.start.transform) view.panFrom(drag.start.transform, dx, dy);
    else if (drag.action === 'zoom') {
      // Zoom about where the drag began, in steps, so the point under the pointer stays put.
      view.zoom(dragZoomFactor(e.clientY - drag.lastY), { clientX: drag.x, clientY: drag.y });
      drag.lastY = e.clientY;
    }
  };
  const onUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    element.releasePointerCapture?.(e.pointerId);
    drag = null;
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    view.zoom(wheelZoomFactor(e.deltaY, e.deltaMode), e);
  };
  const onDoubleClick = () => view.reset();
  // The middle button must not start the browser's autoscroll.
  const onAuxDown = (e: MouseEvent) => {
    if (e.button === 1) e.preventDefault();
  };

  element.addEventListener('pointerdown', onDown);
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  element.addEventListener('pointercancel', onUp);
  element.addEventListener('wheel', onWheel, { passive: false });
  element.addEventListener('dblclick', onDoubleClick);
  element.addEventListener('mousedown', onAuxDown);
  return () => {
    element.removeEventListener('pointerdown', onDown);
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    element.removeEventListener('pointercancel', onUp);
    element.removeEventListener('wheel', onWheel);
    element.removeEventListener('dblclick', onDoubleClick);
    element.removeEventListener('mousedown', onAuxDown);
  };
}
