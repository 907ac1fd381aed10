import { currentCase, useStore } from '../state/store';
import { MapLegend } from './MapLegend';
import { OverlayControls } from './OverlayControls';

/** The regional age map's legend and display controls. */
export function MapPanel() {
  const map = useStore((s) => currentCase(s)?.result?.estimate.map ?? null);
  if (!map) return null;
  return (
    <section className="panel map-panel">
      <h2>Regional age map</h2>
      <MapLegend map={map} />
      <OverlayControls />
      <p className="muted small">
        Each cell is the model’s age reading for that part of the image; the estimate is their mean. Hover the image to read a cell.
      </p>
    </section>
  );
}
