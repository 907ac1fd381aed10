import { SUBGROUP_ROWS } from '../../core/model/subgroups';
import type { ModelCard, ValidationFigures } from '../../core/model/types';

const f1 = (v: number) => v.toFixed(1);
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${f1(Math.abs(v))}`;

function Row({ label, g }: { label: string; g: ValidationFigures | undefined }) {
  if (!g) return null;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{g.n}</td>
      <td>{f1(g.mae_months)}</td>
      <td>{signed(g.bias_months)}</td>
      <td>{(100 * g.within_12_months).toFixed(0)}%</td>
    </tr>
  );
}

/** The card's validation by sex × age band, its further checks, and the weight files with their
 *  SHA-256 (what the page verified before loading). Folded away: a researcher's detail. */
export function ModelValidationDetails({ card }: { card: ModelCard }) {
  const v = card.validation;
  const bytes = card.weights.reduce((s, w) => s + w.bytes, 0);
  return (
    <details data-testid="model-validation-details">
      <summary>Validation by subgroup, checks and weights</summary>
      {v.subgroups ? (
        <table className="model-subgroups">
          <thead>
            <tr><th scope="col">Group</th><th scope="col">n</th><th scope="col">MAE (mo)</th><th scope="col">Bias (mo)</th><th scope="col">≤ 12 mo</th></tr>
          </thead>
          <tbody>
            {SUBGROUP_ROWS.map(([key, label]) => <Row key={key} label={label} g={v.subgroups![key]} />)}
            <Row label="all" g={v} />
          </tbody>
        </table>
      ) : (
        <p>No subgroup figures in this model's card.</p>
      )}
      {card.checks?.map((c) => (
        <p key={c.name} data-testid="model-check">
          {c.name}: MAE {f1(c.figures.mae_months)} months (n = {c.figures.n}, bias {signed(c.figures.bias_months)}). {c.note}
        </p>
      ))}
      <p>
        Weights: {(bytes / 1e6).toFixed(2)} MB in {card.weights.length} file{card.weights.length === 1 ? '' : 's'}
        {card.weights.map((w) => (
          <span key={w.path} className="sha">
            <br />
            {w.path} sha256 <code>{w.sha256}</code>
          </span>
        ))}
      </p>
    </details>
  );
}
