import type { Sex } from './types';

/**
 * Standard deviation of skeletal age (months) by sex and chronological age (months), from the
 * Brush Foundation study as published with the Greulich–Pyle atlas:
 *   Greulich WW, Pyle SI. Radiographic Atlas of Skeletal Development of the Hand and Wrist,
 *   2nd ed. Stanford University Press, 1959 (standard deviations of skeletal age, Brush Foundation
 *   sample, Cleveland, 1931–1942).
 * These are the values the ACR/RSNA common data element for pediatric bone age (RDES14) refers to
 * as the "standard deviation for age".
 *
 * Provenance of the numbers: NOT transcribed from a scan of the atlas (none was reachable while
 * this was written). They are the reproduction used in open-source bone-age tools: the table below
 * equals, value for value, the STD_DEV table of an open-source bone-age growth-chart module (a
 * Python predictor built on the Bilbily RSNA model, found by code search; its repository could not
 * be identified), and the sequence commonly quoted in bone-age reporting templates. Check it
 * against the atlas before any use that matters.
 *
 * Tabulated ages: 3, 6, 9, 12, 18 months, then every 6 months to 5 years, then yearly to 17 years
 * (boys) or 16 years (girls). Outside that range the table says nothing and neither do we.
 */
export interface SdRow {
  ageMonths: number;
  sdMonths: number;
}

const AGES_MONTHS = [3, 6, 9, 12, 18, 24, 30, 36, 42, 48, 54, 60, 72, 84, 96, 108, 120, 132, 144, 156, 168, 180, 192, 204];

const BOYS_SD = [0.69, 1.13, 1.43, 1.97, 3.52, 3.92, 4.52, 5.08, 5.4, 6.66, 8.36, 8.79, 9.17, 8.91, 9.1, 9.0, 9.79, 10.09, 10.38, 10.44, 10.72, 11.32, 12.86, 13.05];
const GIRLS_SD = [0.72, 1.16, 1.36, 1.77, 3.49, 4.64, 5.37, 5.97, 7.48, 8.98, 10.73, 11.65, 10.23, 9.64, 10.23, 10.74, 11.73, 11.94, 10.24, 10.67, 11.3, 9.23, 7.31];

function rows(sds: number[]): readonly SdRow[] {
  return Object.freeze(sds.map((sdMonths, i) => Object.freeze({ ageMonths: AGES_MONTHS[i], sdMonths })));
}

export const GREULICH_PYLE_SD: Readonly<Record<Sex, readonly SdRow[]>> = Object.freeze({
  M: rows(BOYS_SD), // 3 months – 17 years
  F: rows(GIRLS_SD), // 3 months – 16 years
});

export const SD_SOURCE = 'Greulich & Pyle 1959 (Brush Foundation) standard deviations';
