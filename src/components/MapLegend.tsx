import type { AgeMap } from '../../core/model/types';
import { formatMonthsShort } from '../format/age';
import { valueRange, viridisGradientCss } from '../viewer/colormap';

/** Colour scale of the age map: the lowest and highest cell of this map, in months. */
export function MapLegend({ map }: { map: AgeMap }) {
  const { min, max } = valueRange(map.months);
  return (
    <div className="legend" data-testid="map-legend" data-min={String(min)} data-max={String(max)}>
      <div className="legend-bar" style={{ backgroundImage: viridisGradientCss('to right') }} />
      <div className="legend-labels">
        <span>{formatMonthsShort(min)}</span>
        <span className="muted">regional age (months)</span>
        <span>{formatMonthsShort(max)}</span>
      </div>
    </div>
  );
}
