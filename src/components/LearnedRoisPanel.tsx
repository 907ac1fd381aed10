import { roiHits } from '../../core/roi';
import { DEFAULT_BOX_FRACTION } from '../../core/roi/region';
import { formatMs } from '../format/age';
import { roiLayersOf, runLearnedRois } from '../state/roi-actions';
import { K_MAX, K_MIN, useRoisStore } from '../state/rois-store';
import { currentCase, useStore } from '../state/store';
import { rgbCss } from '../viewer/colormap';
import { roiColour } from '../viewer/roi-colours';
import './learned-rois.css';

/** "Learned ROIs": where the chosen layer's most active feature maps look in this image (on demand). */
export function LearnedRoisPanel() {
  const model = useStore((s) => s.model);
  const current = useStore(currentCase);
  const { layer, k, running, error, result, visible, opacity, regions, setLayer, setK, setVisible, setOpacity } = useRoisStore();
  if (!current) return null;
  const layers = roiLayersOf(model);
  const picked = layers.includes(layer) ? layer : (layers[layers.length - 1] ?? layer);
  const shown = result && result.seq === current.seq ? result : null;
  const caseRegions = regions && regions.seq === current.seq ? regions.boxes : null;
  const hits = shown && caseRegions ? roiHits(shown.rois, caseRegions) : null;
  const run = () => {
    if (picked !== layer) setLayer(picked);
    void runLearnedRois();
  };
  return (
    <section className="panel learned-rois-panel" data-testid="learned-rois-panel">
      <h2>Learned ROIs</h2>
      <div className="roi-controls">
        <label>
          Layer{' '}
          <select value={picked} onChange={(e) => setLayer(e.target.value)} disabled={!layers.length || running} data-testid="roi-layer">
            {layers.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Top{' '}
          <input type="number" min={K_MIN} max={K_MAX} step={1} value={k} onChange={(e) => setK(Number(e.target.value))} disabled={running} data-testid="roi-k" />
        </label>
        <button type="button" className="button" onClick={run} disabled={!model || !layers.length || running} data-testid="roi-run">
          {running ? 'Projecting…' : 'Show learned ROIs'}
        </button>
      </div>
      {model && !layers.length ? <p className="muted">This model has no layers the deconvnet can follow (plain conv, BatchNorm, ReLU and max-pool only).</p> : null}
      {error ? (
        <p className="roi-error" data-testid="roi-error">
          {error}
        </p>
      ) : null}
      {shown ? (
        <>
          {shown.rois.length === 0 ? (
            <p className="muted">No feature map of {shown.layer} fires on this image: nothing to project.</p>
          ) : (
            <table className="roi-legend" data-testid="roi-legend">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Projection</th>
                  <th className="num">Activation</th>
                  <th>TW region</th>
                </tr>
              </thead>
              <tbody>
                {shown.rois.map((roi, i) => (
                  <tr
                    key={`${roi.layer}-${roi.map}-${i}`}
                    data-testid="roi-legend-row"
                    data-map={roi.map}
                    data-box={[roi.box.x0, roi.box.y0, roi.box.x1, roi.box.y1].map((v) => v.toFixed(1)).join(',')}
                    data-peak={`${roi.peak.x.toFixed(1)},${roi.peak.y.toFixed(1)}`}
                    data-region={hits ? (hits[i].label ?? 'none') : ''}
                  >
                    <td>
                      <span className="roi-swatch" style={{ background: rgbCss(roiColour(i)) }} /> {i + 1}
                    </td>
                    <td>
                      layer {roi.layer}, map {roi.map}
                    </td>
                    <td className="num">{roi.activation.toFixed(2)}</td>
                    <td>{hits ? (hits[i].label ?? 'none') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="overlay-controls">
            <label className="checkbox">
              <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} data-testid="roi-toggle" />
              Show learned ROIs
            </label>
            <label className="slider">
              Opacity
              <input type="range" min={0} max={100} step={1} value={Math.round(opacity * 100)} disabled={!visible} onChange={(e) => setOpacity(Number(e.target.value) / 100)} data-testid="roi-opacity" />
              <span className="slider-value">{Math.round(opacity * 100)}%</span>
            </label>
          </div>
          <p className="muted small" data-testid="roi-timing">
            {shown.rois.length} of top {shown.k} in {formatMs(shown.ms)}.{' '}
            {caseRegions ? 'TW region: the one holding the projection’s peak, else the one overlapping its box most.' : 'TW regions: not located for this image.'}
          </p>
        </>
      ) : null}
      <p className="muted small">
        Zeiler–Fergus deconvnet: the layer’s most active feature maps for this image, each one’s strongest activation projected back to the pixels (unpooled with this
        image’s switches, rectified, transposed filters). Box: pixels at ≥ {Math.round(DEFAULT_BOX_FRACTION * 100)} % of the projection’s peak.
      </p>
    </section>
  );
}
