import { useReadingCard } from '../state/reading-card';
import { currentCase, useStore } from '../state/store';
import { mapCellText } from './map-cell-text';
import { MapLegend } from './MapLegend';
import { OverlayControls } from './OverlayControls';

/** The regional age map's legend and display controls. */
export function MapPanel() {
  const map = useStore((s) => currentCase(s)?.result?.estimate.map ?? null);
  // The per-cell error of the reading that made this map (it may differ from the mode now chosen).
  const card = useReadingCard(useStore((s) => currentCase(s)?.result?.reading));
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
