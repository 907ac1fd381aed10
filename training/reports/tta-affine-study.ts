/**
 * Does test-time augmentation gain from small rotations and magnifications of the input plane, on top of
 * the ±1 px shifts the careful reading averages (axis1)? Two of the shipped networks were trained with
 * rotation and scale augmentation (--rotate 15 --scale 0.1), so such copies are inside what they saw.
 * Reads every validation thumbnail once per variant, then scores sets of variants as paired comparisons
 * with one pass and with axis1 (same cases).
 *   npx tsx training/reports/tta-affine-study.ts [--model public/models/bonet-rsna100] [--data ../shared/data] [--limit N]
 * Progress on stderr; one JSON object on stdout. Needs ../shared/data (says so and exits when absent).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GrayImage } from '../../core/pipeline/types';
import { affineCopy, type Affine } from '../data/augment';
import { parseArgs } from '../cli-args';
import { loadPlane } from '../data/rsna';
import { ProgressBar } from '../progress';
import { loadReportModel, validationCases } from './report-model';
import { pairedComparison } from './paired';

const args = parseArgs(process.argv.slice(2), { model: 'string', data: 'string', limit: 'number', backend: 'string' });
const thumbDir = join(String(args.data ?? '../shared/data'), 'rsna-bone-age');
if (!existsSync(thumbDir)) {
  console.error(`tta-affine-study: no ${thumbDir} — nothing to study (the data is not part of the project).`);
  process.exit(0);
}
const { modelDir, card, model } = await loadReportModel(args);
const cases = validationCases(modelDir, thumbDir, args.limit);

const deg = Math.PI / 180;
const variant = (angle: number, scale: number, dx = 0, dy = 0): Affine => ({ angle: angle * deg, scale, dx, dy });
const VARIANTS: Record<string, Affine> = {
  id: variant(0, 1),
  'x+1': variant(0, 1, 1, 0), 'x-1': variant(0, 1, -1, 0), 'y+1': variant(0, 1, 0, 1), 'y-1': variant(0, 1, 0, -1),
  'rot+5': variant(5, 1), 'rot-5': variant(-5, 1),
  'scale0.95': variant(0, 0.95), 'scale1.05': variant(0, 1.05),
};
const names = Object.keys(VARIANTS);
const est: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const bar = new ProgressBar('tta-affine', cases.length);
for (const [i, c] of cases.entries()) {
  const plane = loadPlane(join(thumbDir, 'boneage-training-dataset'), c.id, card.input);
  const planes: GrayImage[] = names.map((n) => ({ width: plane.width, height: plane.height, data: affineCopy(plane.data, plane.width, plane.height, VARIANTS[n], new Float32Array(plane.data.length)) }));
  const estimates = await model.estimatePlanes(planes, planes.map(() => (c.male ? 'male' : 'female')));
  names.forEach((n, k) => est[n].push(estimates[k].boneAgeMonths));
  if (i % 20 === 0) bar.update(i + 1, '');
}
bar.done('');

const truth = cases.map((c) => c.boneAgeMonths);
const absErr = (p: number[]) => p.map((v, i) => Math.abs(v - truth[i]));
const mean = (set: string[]) => truth.map((_, i) => set.reduce((s, n) => s + est[n][i], 0) / set.length);
const axis1 = ['id', 'x+1', 'x-1', 'y+1', 'y-1'];
const sets: Record<string, string[]> = {
  none: ['id'],
  'axis1 (5, the careful reading)': axis1,
  'rotations ±5° (3)': ['id', 'rot+5', 'rot-5'],
  'scales 0.95, 1.05 (3)': ['id', 'scale0.95', 'scale1.05'],
  'axis1 + rotations ±5° (7)': [...axis1, 'rot+5', 'rot-5'],
  'axis1 + scales 0.95, 1.05 (7)': [...axis1, 'scale0.95', 'scale1.05'],
  'axis1 + rotations ±5° + scales 0.95, 1.05 (9)': names,
};
const none = absErr(mean(sets.none));
const careful = absErr(mean(axis1));
const r = (v: number) => Math.round(v * 1000) / 1000;
console.log(JSON.stringify({
  model: card.name,
  version: card.version,
  n: cases.length,
  sets: Object.fromEntries(Object.entries(sets).map(([name, set]) => {
    const p = mean(set);
    const e = absErr(p);
    return [name, { passes: set.length, mae: r(e.reduce((a, b) => a + b, 0) / e.length), bias: r(p.reduce((s, v, i) => s + v - truth[i], 0) / p.length), vsNone: pairedComparison(none, e), vsAxis1: pairedComparison(careful, e) }];
  })),
}));
