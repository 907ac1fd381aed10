import { useEffect, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { formatMonthsShort } from '../format/age';
import { openFiles } from '../state/actions';
import { currentCase, useStore } from '../state/store';
import { useViewerStore } from '../state/viewer-store';
import { setActiveView } from '../viewer/active-view';
import { CornerstoneView } from '../viewer/cornerstone-view';
import { recordCase } from '../perf/page-timings';
import { LearnedRoiCanvas } from './LearnedRoiCanvas';
import { TwRegionsOverlay } from './TwRegionsOverlay';
import { attachInteraction } from '../viewer/interaction';
import { HelpPanel } from './HelpPanel';
import { ViewerToolbar, ViewReadoutLabel } from './ViewerToolbar';

/** The radiograph (cornerstone) with the age map stacked on it; also the drop target for files. */
export function Viewport() {
  const elementRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<CornerstoneView | null>(null);
  const [dragging, setDragging] = useState(false);
  const [probe, setProbe] = useState<{ row: number; col: number; months: number; weight?: number } | null>(null);
  // A case shown again is decoded again from its file, which may since have become unreadable.
  const [displayError, setDisplayError] = useState<{ imageId: string; message: string } | null>(null);
  const current = useStore(currentCase);
  const overlay = useStore((s) => s.overlay);
  const seq = useStore((s) => s.seq);
  const failedDisplay = displayError && displayError.imageId === current?.imageId ? displayError.message : null;
  const imageId = failedDisplay ? null : (current?.imageId ?? null);
  const wantedImageId = current?.imageId ?? null;
  const map = current?.result?.estimate.map ?? null;

  useEffect(() => {
    const element = elementRef.current!;
    const view = new CornerstoneView(element, overlayRef.current!);
    const { setReadout } = useViewerStore.getState();
    view.onViewChange = setReadout;
    viewRef.current = view;
    setActiveView(view);
    const detach = attachInteraction(element, view, () => useViewerStore.getState().tool);
    return () => {
      detach();
      setActiveView(null);
      setReadout(null);
      viewRef.current = null;
      view.destroy();
    };
  }, []);

  useEffect(() => {
    if (!wantedImageId) {
      viewRef.current?.forget();
      useViewerStore.getState().setReadout(null);
      return;
    }
    const [start, caseSeq] = [performance.now(), currentCase(useStore.getState())?.seq ?? 0];
    viewRef.current
      ?.show(wantedImageId, () => recordCase(caseSeq, 'display', start))
      .then(() => setDisplayError((d) => (d?.imageId === wantedImageId ? null : d)))
      .catch((error) => {
        console.error('Could not display the image:', error);
        viewRef.current?.forget();
        useViewerStore.getState().setReadout(null);
        setDisplayError({ imageId: wantedImageId, message: error instanceof Error ? error.message : String(error) });
      });
  }, [wantedImageId]);

  useEffect(() => {
    viewRef.current?.setOverlay(imageId && map ? { imageId, map, visible: overlay.visible, opacity: overlay.opacity } : null);
  }, [imageId, map, overlay.visible, overlay.opacity]);

  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = e.dataTransfer.files;
    if (files?.length) openFiles(files);
  };
  const onMouseMove = (e: MouseEvent) => setProbe(viewRef.current?.probe(e.clientX, e.clientY) ?? null);

  return (
    <div className="viewer-column">
      <ViewerToolbar />
      <div
        className={`viewport-frame${dragging ? ' dragging' : ''}`}
        data-testid="viewport"
        data-seq={seq}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setProbe(null)}
      >
        <div className="cornerstone-element" ref={elementRef} onContextMenu={(e) => e.preventDefault()} hidden={!imageId} data-testid="cornerstone-element" />
        <canvas
          className="age-map"
          ref={overlayRef}
          data-testid="age-map"
          data-rows={map?.rows ?? 0}
          data-cols={map?.cols ?? 0}
          hidden={!imageId || !map || !overlay.visible}
          aria-label={map ? `Regional age map, ${map.rows} by ${map.cols} cells` : undefined}
        />
        <LearnedRoiCanvas element={elementRef} />
        <TwRegionsOverlay element={elementRef} />
        {!current ? (
          <div className="drop-hint">
            <p>Drop hand radiographs here</p>
            <p className="muted">PNG, JPEG or DICOM · several at once make a worklist · press ? for shortcuts</p>
          </div>
        ) : !imageId ? (
          <div className="drop-hint" data-testid="viewport-message">
            <p>{current.fileName}</p>
            <p className="muted">
              {failedDisplay
                ? `Could not display this image again: ${failedDisplay}`
                : current.status === 'failed'
                  ? `Could not open this file: ${current.message ?? ''}`
                  : 'Queued: it opens when its turn comes.'}
            </p>
          </div>
        ) : null}
        {imageId ? <ViewReadoutLabel /> : null}
        {probe && overlay.visible && imageId ? (
          <div className="probe" data-testid="probe">
            cell {probe.row + 1},{probe.col + 1}: {formatMonthsShort(probe.months)}
            {probe.weight !== undefined ? `, weight ${(probe.weight * 100).toFixed(1)} %` : ''}
          </div>
        ) : null}
        {dragging ? <div className="drop-veil">Release to open</div> : null}
      </div>
      <HelpPanel />
    </div>
  );
}
