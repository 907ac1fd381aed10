import { useStore } from '../state/store';
import { useViewerStore } from '../state/viewer-store';
import { runViewerAction } from '../viewer/commands';
import type { Tool } from '../viewer/geometry';
import { formatWindowValue, formatZoom } from '../viewer/readout';
import './viewer.css';

const TOOLS: ReadonlyArray<{ tool: Tool; label: string; key: string }> = [
  { tool: 'window', label: 'W/L', key: 'W' },
  { tool: 'pan', label: 'Pan', key: 'P' },
  { tool: 'zoom', label: 'Zoom', key: 'Z' },
];

/** Tool choice and view commands above the image. Every button has a key (see the help panel). */
export function ViewerToolbar() {
  const tool = useViewerStore((s) => s.tool);
  const setTool = useViewerStore((s) => s.setTool);
  const readout = useViewerStore((s) => s.readout);
  const overlayVisible = useStore((s) => s.overlay.visible);
  const disabled = !readout;
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Viewer tools" data-testid="viewer-toolbar">
      <div className="tool-group" role="group" aria-label="Left-drag tool">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            className="tool-button"
            aria-pressed={tool === t.tool}
            title={`Left drag: ${t.label} (${t.key})`}
            onClick={() => setTool(t.tool)}
            data-testid={`tool-${t.tool}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tool-group">
        <button type="button" className="tool-button" aria-pressed={readout?.invert ?? false} disabled={disabled} title="Invert (I)" onClick={() => runViewerAction('invert')} data-testid="invert">
          Invert
        </button>
        <button type="button" className="tool-button" disabled={disabled} title="Reset the view (R)" onClick={() => runViewerAction('reset')} data-testid="reset">
          Reset
        </button>
        <button type="button" className="tool-button" aria-pressed={overlayVisible} title="Age map overlay (O)" onClick={() => runViewerAction('toggle-overlay')} data-testid="overlay-button">
          Map
        </button>
        <button type="button" className="tool-button" title="Shortcuts (?)" onClick={() => runViewerAction('help')} data-testid="help-button" aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
    </div>
  );
}

/** Window, level, zoom and invert of the image on screen, in the corner of the viewport. */
export function ViewReadoutLabel() {
  const readout = useViewerStore((s) => s.readout);
  if (!readout) return null;
  return (
    <div
      className="view-readout"
      data-testid="window-values"
      data-image-id={readout.imageId}
      data-tx={String(readout.translation.x)}
      data-ty={String(readout.translation.y)}
      data-width={String(readout.windowWidth)}
      data-center={String(readout.windowCenter)}
      data-scale={String(readout.scale)}
      data-invert={String(readout.invert)}
    >
      W {formatWindowValue(readout.windowWidth)} · L {formatWindowValue(readout.windowCenter)} · {formatZoom(readout.scale)}
      {readout.invert ? ' · inverted' : ''}
    </div>
  );
}
