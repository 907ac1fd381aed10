import { pullingCells } from '../../core/model/map-pull';
import { currentCase, useStore } from '../state/store';
import './learned-rois.css';

const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;

/** The age-map cells that pull the estimate most: largest share of the estimate (weight × |cell − mean|). */
export function PullingCellsPanel({ count = 5 }: { count?: number }) {
  const map = useStore((s) => currentCase(s)?.result?.estimate.map ?? null);
  if (!map) return null;
  const cells = pullingCells(map, count);
  return (
    <section className="panel pulling-cells-panel" data-testid="pulling-cells">
      <h2>Cells that pull the estimate most</h2>
      <table className="pull-table">
        <thead>
          <tr>
            <th>Cell (row, col)</th>
            <th className="num">Reads</th>
            <th className="num">vs mean</th>
            {map.weights && <th className="num">Weight</th>}
            <th className="num">Pull</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={`${c.row}-${c.col}`} data-testid="pulling-cell" data-row={c.row} data-col={c.col} data-pull={String(c.contributionMonths)}>
              <td>
                {c.row + 1}, {c.col + 1}
              </td>
              <td className="num">{Math.round(c.months)} m</td>
              <td className="num">{signed(c.deltaMonths)} m</td>
              {map.weights && <td className="num">{(map.weights[c.row * map.cols + c.col] * 100).toFixed(1)} %</td>}
              <td className="num">{signed(c.contributionMonths, 2)} m</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {map.weights
          ? `The estimate is the weighted mean of the ${map.rows * map.cols} cells (weights the network learned); a cell’s pull is its weight × (cell − mean), how far the estimate would move if that cell read the mean.`
          : `The estimate is the mean of the ${map.rows * map.cols} cells; a cell’s pull is (cell − mean) / ${map.rows * map.cols}, how far the estimate would move if that cell read the mean.`}{' '}
        Rows and columns count from the top left, as the hover readout does.
      </p>
    </section>
  );
}
