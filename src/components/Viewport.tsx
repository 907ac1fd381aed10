import { useEffect, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { formatMonthsShort } from '../format/age';
import { openFile } from '../state/actions';
import { useStore } from '../state/store';
import { CornerstoneView } from '../viewer/cornerstone-view';
import { recordCase } from '../perf/page-timings';

/** The radiograph (cornerstone) with the age map stacked on it; also the drop target for files. */
export function Viewport() {
  const elementRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<CornerstoneView | null>(null);
  const [dragging, setDragging] = useState(false);
  const [probe, setProbe] = useState<{ row: number; col: number; months: number } | null>(null);
  const current = useStore((s) => s.current);
  const overlay = useStore((s) => s.overlay);
  const seq = useStore((s) => s.seq);
  const imageId = current?.imageId ?? null;
  const map = current?.result?.estimate.map ?? null;

  useEffect(() => {
    const view = new CornerstoneView(elementRef.current!, overlayRef.current!);
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
    };
  }, []);

  useEffect(() => {
    if (!imageId) return;
    const [start, caseSeq] = [performance.now(), useStore.getState().current?.seq ?? 0];
    viewRef.current?.show(imageId, () => recordCase(caseSeq, 'display', start)).catch((error) => console.error('Could not display the image:', error));
  }, [imageId]);

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
    const file = e.dataTransfer.files?.[0];
    if (file) void openFile(file);
  };
  const onMouseMove = (e: MouseEvent) => setProbe(viewRef.current?.probe(e.clientX, e.clientY) ?? null);

  return (
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
      <div className="cornerstone-element" ref={elementRef} onContextMenu={(e) => e.preventDefault()} />
      <canvas
        className="age-map"
        ref={overlayRef}
        data-testid="age-map"
        data-rows={map?.rows ?? 0}
        data-cols={map?.cols ?? 0}
        hidden={!map || !overlay.visible}
        aria-label={map ? `Regional age map, ${map.rows} by ${map.cols} cells` : undefined}
      />
      {!current ? (
        <div className="drop-hint">
          <p>Drop a hand radiograph here</p>
          <p className="muted">PNG, JPEG or DICOM</p>
        </div>
      ) : null}
      {probe && overlay.visible ? (
        <div className="probe" data-testid="probe">
          cell {probe.row + 1},{probe.col + 1}: {formatMonthsShort(probe.months)}
        </div>
      ) : null}
      {dragging ? <div className="drop-veil">Release to open</div> : null}
    </div>
  );
}
