import type { Estimate } from '../../core/model/types';
import { bothReadingsText, sexCaution } from '../state/sex-reading';

const USED_TEXT = { male: 'read as a boy', female: 'read as a girl', average: 'mean of both' } as const;

/** For a model with one output per sex: both readings, which one the bone age is, and the caution when the
 *  sex was not given. Nothing for a model without sex channels. */
export function SexReadingLine({ estimate }: { estimate: Estimate }) {
  const both = bothReadingsText(estimate);
  if (!both || estimate.sexUsed === 'none') return null;
  const caution = sexCaution(estimate);
  return (
    <>
      <p className="muted small" data-testid="sex-readings" data-sex-used={estimate.sexUsed}>
        {both} · {USED_TEXT[estimate.sexUsed]}
      </p>
      {caution ? (
        <p className="qc-flags" role="alert" data-testid="sex-caution">
          {caution}
        </p>
      ) : null}
    </>
  );
}
