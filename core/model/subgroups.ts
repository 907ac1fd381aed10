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
