import { effectiveReading, offersCarefulReading, passesOf, type ReadingMode } from '../../core/model/reading-mode';
import type { ModelCard } from '../../core/model/types';
import { setReadingMode, warmReadingAhead } from '../state/actions';
import { useStore } from '../state/store';

const mae = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? `validated MAE ${v.toFixed(1)} months` : 'validated error not reported');

/** The two readings a card may offer, each with its own validated error: one pass (fast, the default) or the
 *  careful reading (test-time augmentation: several passes, more accurate, slower). Nothing when the card
 *  offers one reading only. `place` keeps the test ids of the two copies (result panel, model card) apart. */
export function ReadingModeSwitch({ place }: { place: 'result' | 'card' }) {
  const card = useStore((s) => s.baseCard);
  const requested = useStore((s) => s.readingMode);
  if (!card || !offersCarefulReading(card)) return null;
  const mode = effectiveReading(card, requested);
  return (
    <fieldset className="reading-mode" data-testid={`reading-mode-${place}`} data-mode={mode} onPointerEnter={warmReadingAhead} onFocus={warmReadingAhead}>
      <legend>Reading</legend>
      {(['standard', 'careful'] as const).map((m) => (
        <label key={m} title={titleOf(card, m)}>
          <input type="radio" name={`reading-mode-${place}`} value={m} checked={mode === m} onChange={() => setReadingMode(m)} />{' '}
          {m === 'standard' ? 'One pass' : `Careful (${passesOf(card, m)} passes)`}{' '}
          <span className="muted">· {mae(m === 'standard' ? card.validation?.mae_months : card.careful?.validation?.mae_months)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function titleOf(card: ModelCard, m: ReadingMode): string {
  if (m === 'standard') return 'Each network reads the image once: the fastest result.';
  return `The mean of ${passesOf(card, m)} readings of the image shifted by 1 px (test-time augmentation): about ${passesOf(card, m)}× the inference time, measured more accurate on the validation split.`;
}
