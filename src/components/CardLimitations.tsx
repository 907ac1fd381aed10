import { ageBandBiasText } from '../../core/model/age-band-bias';
import type { ValidationFigures } from '../../core/model/types';

/** A model card's limitations as a list, then the bias by age band its validation measured (a reading's own
 *  figures, so it changes with the reading); nothing when there is neither. The panel and the printed report. */
export function CardLimitations({ limitations, validation }: { limitations?: readonly string[]; validation?: ValidationFigures }) {
  const bandBias = ageBandBiasText(validation);
  if (!limitations?.length && !bandBias) return null;
  return (
    <ul>
      {limitations?.map((l) => (
        <li key={l}>{l}</li>
      ))}
      {bandBias && <li data-testid="age-band-bias">{bandBias}</li>}
    </ul>
  );
}
