import { GREULICH_PYLE_SD } from './greulich-pyle-sd';
import type { Sex } from './types';

/** One tabulated age of the chart's bands: bone ages at ±1 and ±2 SD around the identity line. */
export interface BandPoint {
  ageMonths: number;
  minus2: number;
  minus1: number;
  plus1: number;
  plus2: number;
}

/** The ±1/±2 SD bands for a sex, at the tabulated ages (straight segments between them are the
 *  same linear interpolation the SDS uses). Bone ages below 0 are clipped to 0. */
export function sdBands(sex: Sex): BandPoint[] {
  return GREULICH_PYLE_SD[sex].map(({ ageMonths, sdMonths }) => ({
    ageMonths,
    minus2: Math.max(0, ageMonths - 2 * sdMonths),
    minus1: Math.max(0, ageMonths - sdMonths),
    plus1: ageMonths + sdMonths,
    plus2: ageMonths + 2 * sdMonths,
  }));
}
