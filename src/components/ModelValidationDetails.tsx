import { splitChecks } from '../../core/model/check-kinds';
import { SUBGROUP_ROWS } from '../../core/model/subgroups';
import type { ModelCard, ModelCheck, ValidationFigures } from '../../core/model/types';
import { IntervalCalibrationDetails } from './IntervalCalibrationDetails';

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

/** Figures by sex × age band in Table-6 order, then the overall line; a group without cases has no row. */
function SubgroupTable({ figures, caption }: { figures: ValidationFigures & { subgroups: Record<string, ValidationFigures> }; caption?: string }) {
  return (
    <table className="model-subgroups">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr><th scope="col">Group</th><th scope="col">n</th><th scope="col">MAE (mo)</th><th scope="col">Bias (mo)</th><th scope="col">≤ 12 mo</th></tr>
      </thead>
      <tbody>
        {SUBGROUP_ROWS.map(([key, label]) => <Row key={key} label={label} g={figures.subgroups[key]} />)}
        <Row label="all" g={figures} />
      </tbody>
    </table>
  );
}

const hasSubgroups = (g: ValidationFigures): g is ValidationFigures & { subgroups: Record<string, ValidationFigures> } =>
  g.subgroups !== undefined && Object.keys(g.subgroups).length > 0;

/** One check: its figures and how they were measured, with its own subgroup table when it has one (an
 *  external set or a cross-validation is read like the validation). */
function Check({ check: c }: { check: ModelCheck }) {
  return (
    <div data-testid="model-check">
      <p>
        {c.name}: MAE {f1(c.figures.mae_months)} months (n = {c.figures.n}, bias {signed(c.figures.bias_months)}). {c.note}
      </p>
      {hasSubgroups(c.figures) && <SubgroupTable figures={c.figures} caption={`${c.name}, by subgroup`} />}
    </div>
  );
}

/** The card's validation by sex × age band, its further checks of these weights, then the checks of its
 *  training recipe under their own heading (other networks, so a reader does not take them for this model's
 *  error), and the weight files with their SHA-256 (what the page verified before loading). Folded away: a
 *  researcher's detail. */
export function ModelValidationDetails({ card }: { card: ModelCard }) {
  const v = card.validation;
  const bytes = card.weights.reduce((s, w) => s + w.bytes, 0);
  const checks = splitChecks(card.checks);
  return (
    <details data-testid="model-validation-details">
      <summary>Validation by subgroup, checks, interval and weights</summary>
      {hasSubgroups(v) ? <SubgroupTable figures={v} /> : <p>No subgroup figures in this model's card.</p>}
      {checks.weights.map((c) => <Check key={c.name} check={c} />)}
      {checks.recipe.length > 0 && (
        <div className="model-recipe-checks" data-testid="model-recipe-checks">
          <h3>The training recipe, cross-validated</h3>
          <p>
            Measured on other networks trained the same way, each on part of the data and read on the rest: how
            well the recipe does and how much its error varies with the split. It is not the error of this model,
            which is given above.
          </p>
          {checks.recipe.map((c) => <Check key={c.name} check={c} />)}
        </div>
      )}
      <IntervalCalibrationDetails interval={card.interval} />
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
