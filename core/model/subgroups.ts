/** The rows of BoNet's Table 6 that RSNA's labels allow (sex × age band of the reference bone age,
 *  then each band): keys as training/metrics.ts subgroupFigures writes them, labels for display. */
export const SUBGROUP_ROWS: ReadonlyArray<readonly [key: string, label: string]> = [
  ['M 0-9y', 'M 0–9 y'],
  ['M 10-18y', 'M 10–18 y'],
  ['F 0-9y', 'F 0–9 y'],
  ['F 10-18y', 'F 10–18 y'],
  ['all 0-9y', 'all 0–9 y'],
  ['all 10-18y', 'all 10–18 y'],
];

/** The two SUBGROUP_ROWS keys a case belongs to: its sex × age band and its band over both sexes, by the
 *  reference bone age (0–9 years is below 120 months). */
export function subgroupKeysOf(male: boolean, boneAgeMonths: number): [string, string] {
  const band = boneAgeMonths < 120 ? '0-9y' : '10-18y';
  return [`${male ? 'M' : 'F'} ${band}`, `all ${band}`];
}
