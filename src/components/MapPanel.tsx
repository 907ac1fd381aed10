import { currentCase, useStore } from '../state/store';
import { mapCellText } from './map-cell-text';
import { MapLegend } from './MapLegend';
import { OverlayControls } from './OverlayControls';

/** The regional age map's legend and display controls. */
export function MapPanel() {
  const map = useStore((s) => currentCase(s)?.result?.estimate.map ?? null);
  const card = useStore((s) => s.card);
  if (!map) return null;
  return (
    <section className="panel map-panel">
      <h2>Regional age map</h2>
      <MapLegend map={map} />
      <OverlayControls />
      <p className="muted small" data-testid="map-cell-text">
        {mapCellText(card)} Hover the image to read a cell.
      </p>
    </section>
  );
}
