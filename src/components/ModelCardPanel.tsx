import { useStore } from '../state/store';
import { ageBandBiasText } from '../../core/model/age-band-bias';
import { CardLimitations } from './CardLimitations';
import { ModelValidationDetails } from './ModelValidationDetails';
import { modelReadingText } from './model-reading-text';
import { ReadingModeSwitch } from './ReadingModeSwitch';

/** What the model is, how well it did on held-out data, and what it was trained on. */
export function ModelCardPanel() {
  const card = useStore((s) => s.card);
  const baseCard = useStore((s) => s.baseCard);
  const phase = useStore((s) => s.phase);
  const modelError = useStore((s) => s.modelError);
  if (!card) {
    return (
      <section className="panel model-card">
        <h2>Model</h2>
        <p className="muted">{phase === 'failed' ? (modelError ?? 'The model could not be loaded.') : 'Loading…'}</p>
      </section>
    );
  }
  const v = card.validation;
  const reading = modelReadingText(card);
  return (
    <section className="panel model-card">
      <h2>Model</h2>
      <dl>
        <dt>Name</dt>
        <dd>
          <span data-testid="model-name">{card.name}</span> <span className="muted">v{card.version}</span>
        </dd>
        <dt>Validated error{baseCard && card !== baseCard ? ' (careful reading)' : ''}</dt>
        <dd data-testid="model-mae">
          {v && Number.isFinite(v.mae_months) ? (
            <>
              MAE {v.mae_months.toFixed(1)} months (n = {v.n})
              {Number.isFinite(v.rmse_months) ? <span className="muted">, RMSE {v.rmse_months.toFixed(1)}</span> : null}
              {Number.isFinite(v.within_12_months) ? <span className="muted">, {(v.within_12_months * 100).toFixed(0)}% within 12 months</span> : null}
            </>
          ) : (
            'not reported'
          )}
        </dd>
        <dt>Training data</dt>
        <dd>{card.training?.data ?? '—'}</dd>
        <dt>Child's sex</dt>
        <dd data-testid="model-reads-sex" data-reads-sex={String(card.output.bySex === true)}>
          {card.output.bySex ? 'Read: one age map for a boy, one for a girl; the case\'s sex picks one (unknown: their mean).' : 'Not read: one age map for both sexes.'}
        </dd>
        <dt>Input</dt>
        <dd>{reading.input}</dd>
        <dt>Reading</dt>
        <dd data-testid="model-reading" data-tta={card.output.tta ?? 'none'}>
          {reading.reading}
          <ReadingModeSwitch place="card" />
        </dd>
        {reading.networks ? (
          <>
            <dt>Networks</dt>
            <dd data-testid="model-networks">{reading.networks}</dd>
          </>
        ) : null}
      </dl>
      {card.intendedUse || card.limitations?.length || ageBandBiasText(card.validation) ? (
        <details>
          <summary>Intended use and limitations</summary>
          {card.intendedUse ? <p>{card.intendedUse}</p> : null}
          <CardLimitations limitations={card.limitations} validation={card.validation} />
        </details>
      ) : null}
      <ModelValidationDetails card={card} />
    </section>
  );
}
