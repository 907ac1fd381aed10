import type { CaseInterval } from '../../core/uncertainty/case-interval';
import type { AgeComparison } from './comparison';
import { signed, yearsMonthsLong } from './format';
import { SD_SOURCE } from './greulich-pyle-sd';
import { VERDICT_LIMIT_SD } from './sds';

export interface ReportModel {
  name: string;
  version: string;
  maeMonths: number | null;
  maeN: number | null;
  /** The reading that made the estimate, e.g. "careful reading, 5 passes"; absent: not said. */
  readingName?: string;
  /** The estimate's calibrated interval (core/uncertainty/case-interval.ts), or why there is none; absent: not said. */
  interval?: CaseInterval;
}

/** A picture file has no study date: the page takes today's, which the reader may not have corrected. */
export const ASSUMED_STUDY_DATE = 'The study date is not in the file and was taken as today; the chronological age is too high if the radiograph was taken earlier.';

export const RESEARCH_CAVEAT =
  'Automated estimate from a research tool, not a medical device; not validated for clinical use. The bone age must be confirmed by the reading radiologist.';

/**
 * The report in dictation form, plain text (ASCII signs) for pasting into a reporting system:
 * chronological age, bone age with the model and its validated MAE, SD for age, SDS, cautions from the
 * automated checks, verdict, caveat.
 */
export function reportText(c: AgeComparison, model: ReportModel, cautions: readonly string[] = []): string {
  const lines: string[] = ['BONE AGE (left hand radiograph, automated estimate)', ''];
  if (c.sex) lines.push(`Sex: ${c.sex === 'M' ? 'male' : 'female'}.`);
  else lines.push('Sex: not known.');
  const ch = c.chronological;
  if (ch.months !== null) {
    const span = ch.upToMonths !== undefined ? `, approximate: ${ch.months}-${ch.upToMonths} months` : ch.approximate ? ', approximate' : '';
    lines.push(`Chronological age: ${yearsMonthsLong(ch.months)} (${ch.months} months${span}).`);
    lines.push(`Chronological age from: ${ch.source}.`);
  } else {
    lines.push(`Chronological age: not known (${ch.reason})`);
  }
  const mae = model.maeMonths !== null && Number.isFinite(model.maeMonths)
    ? `validated mean absolute error ${model.maeMonths.toFixed(1)} months${model.maeN !== null ? `, n = ${model.maeN}` : ''}`
    : 'validated error not reported';
  lines.push(`Bone age: ${yearsMonthsLong(c.boneAgeMonths)} (${c.boneAgeMonths.toFixed(1)} months), estimated by the model ${model.name} v${model.version} (${model.readingName ? `${model.readingName}; ` : ''}${mae}).`);
  if (model.interval) lines.push(intervalLine(model.interval));
  if (c.differenceMonths !== null) lines.push(`Bone age minus chronological age: ${signed(c.differenceMonths, 1, '-')} months.`);
  if (c.sdMonths !== null && c.sds !== null) {
    lines.push(`Standard deviation for age (${SD_SOURCE}): ${c.sdMonths.toFixed(1)} months.`);
    lines.push(`Standard deviation score (SDS): ${signed(c.sds, 2, '-')}.`);
  } else {
    lines.push(`Standard deviation for age: not applicable (${c.reason}).`);
  }
  lines.push('');
  // What the automated checks said about this image (quality control, training range): said before the impression.
  const all = [...(ch.months !== null && ch.studyDateAssumed ? [ASSUMED_STUDY_DATE] : []), ...cautions];
  for (const caution of all) lines.push(`CAUTION: ${caution}`);
  if (all.length) lines.push('');
  lines.push(`IMPRESSION: ${impression(c)}`);
  lines.push('');
  lines.push(RESEARCH_CAVEAT);
  return lines.join('\n');
}

/** Rounded to whole months as on the page, so the report and the screen give the same range. */
function intervalLine(iv: CaseInterval): string {
  // Named as the model's error, so it is not read as the normal range for the child's age.
  if (iv.kind === 'none') return `Bone age prediction interval: not given (${iv.reason.charAt(0).toLowerCase()}${iv.reason.slice(1).replace(/\.$/, '')}).`;
  const lo = Math.round(iv.lo);
  const hi = Math.round(iv.hi);
  const how = `model error, calibrated on held-out cases${iv.withoutSex ? ', for a reading without the sex' : ''}`;
  return `Bone age ${Math.round(iv.coverage * 100)}% prediction interval (${how}): ${yearsMonthsLong(lo)} to ${yearsMonthsLong(hi)} (${lo}-${hi} months).`;
}

function impression(c: AgeComparison): string {
  switch (c.verdict) {
    case 'delayed':
      return `Delayed bone age (more than ${VERDICT_LIMIT_SD} SD below the chronological age).`;
    case 'advanced':
      return `Advanced bone age (more than ${VERDICT_LIMIT_SD} SD above the chronological age).`;
    case 'within normal limits':
      return `Bone age within normal limits (within ${VERDICT_LIMIT_SD} SD of the chronological age).`;
    case 'indeterminate':
      return `Bone age ${yearsMonthsLong(c.boneAgeMonths)}; comparison with the chronological age is indeterminate (${c.reason}).`;
  }
}
