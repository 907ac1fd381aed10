/**
 * Test-time augmentation on the validation thumbnails: does averaging the estimate over shifted
 * copies of the input plane (core/uncertainty/tta.ts) lower the MAE? Runs every shift of a grid once
 * per case, then scores several shift sets as paired comparisons with no TTA (same cases).
 *   npx tsx training/reports/tta-study.ts [--model public/models/bonet-rsna100] [--data ../shared/data] [--limit N]
 * Progress on stderr; one JSON object on stdout. Needs ../shared/data (says so and exits when absent).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shiftedPlanes } from '../../core/uncertainty/tta';
import { parseArgs } from '../cli-args';
import { loadPlane } from '../data/rsna';
import { ProgressBar } from '../progress';
import { loadReportModel, validationCases } from './report-model';
import { pairedComparison } from './paired';

const args = parseArgs(process.argv.slice(2), { model: 'string', data: 'string', limit: 'number', backend: 'string' });
const thumbDir = join(String(args.data ?? '../shared/data'), 'rsna-bone-age');
if (!existsSync(thumbDir)) {
  console.error(`tta-study: no ${thumbDir} — nothing to study (the data is not part of the project).`);
  process.exit(0);
}
const { modelDir, card, model } = await loadReportModel(args);
const cases = validationCases(modelDir, thumbDir, args.limit);

// Every shift any scored set uses: the 3×3 grid of ±1 px and the ±2 and ±3 px axis shifts.
const key = (dx: number, dy: number) => `${dx},${dy}`;
const axis = (d: number): Array<[number, number]> => [[d, 0], [-d, 0], [0, d], [0, -d]];
const grid: Array<[number, number]> = [];
for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) grid.push([dx, dy]);
grid.push(...axis(2), ...axis(3));
const est: Record<string, number[]> = Object.fromEntries(grid.map(([dx, dy]) => [key(dx, dy), []]));
const bar = new ProgressBar('tta', cases.length);
for (const [i, c] of cases.entries()) {
  const planes = shiftedPlanes(loadPlane(join(thumbDir, 'boneage-training-dataset'), c.id, card.input), grid);
  const estimates = await model.estimatePlanes(planes, planes.map(() => (c.male ? 'male' : 'female')));
  grid.forEach(([dx, dy], k) => est[key(dx, dy)].push(estimates[k].boneAgeMonths));
  if (i % 50 === 0) bar.update(i + 1, '');
}
bar.done('');

const truth = cases.map((c) => c.boneAgeMonths);
const absErr = (p: number[]) => p.map((v, i) => Math.abs(v - truth[i]));
const mean = (shifts: Array<[number, number]>) => truth.map((_, i) => shifts.reduce((s, [dx, dy]) => s + est[key(dx, dy)][i], 0) / shifts.length);
const sets: Record<string, Array<[number, number]>> = {
  none: [[0, 0]],
  'original + ±1 axis (5)': [[0, 0], ...axis(1)],
  'original + ±2 axis (5)': [[0, 0], ...axis(2)],
  'original + ±3 axis = TTA_SHIFTS (5)': [[0, 0], ...axis(3)],
  'grid ±1 (9)': grid.filter(([dx, dy]) => Math.abs(dx) <= 1 && Math.abs(dy) <= 1),
  'original + ±1, ±2, ±3 axis (13)': [[0, 0], ...axis(1), ...axis(2), ...axis(3)],
};
const base = mean(sets.none);
const r = (v: number) => Math.round(v * 100) / 100;
console.log(JSON.stringify({
  model: card.name,
  n: cases.length,
  sets: Object.fromEntries(Object.entries(sets).map(([name, shifts]) => {
    const p = mean(shifts);
    const e = absErr(p);
    return [name, { passes: shifts.length, mae: r(e.reduce((a, b) => a + b, 0) / e.length), bias: r(p.reduce((s, v, i) => s + v - truth[i], 0) / p.length), vsNone: pairedComparison(absErr(base), e) }];
  })),
}));
