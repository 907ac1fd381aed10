import { useStore } from '../state/store';

/** Age-map overlay on/off and its opacity. */
export function OverlayControls() {
  const overlay = useStore((s) => s.overlay);
  const setVisible = useStore((s) => s.setOverlayVisible);
  const setOpacity = useStore((s) => s.setOverlayOpacity);
  const percent = Math.round(overlay.opacity * 100);
  return (
    <div className="overlay-controls">
      <label className="checkbox">
        <input type="checkbox" checked={overlay.visible} onChange={(e) => setVisible(e.target.checked)} data-testid="overlay-toggle" />
        Show regional age map
      </label>
      <label className="slider">
        Opacity
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={percent}
          disabled={!overlay.visible}
          onChange={(e) => setOpacity(Number(e.target.value) / 100)}
          data-testid="overlay-opacity"
        />
        <span className="slider-value">{percent}%</span>
      </label>
    </div>
  );
}
