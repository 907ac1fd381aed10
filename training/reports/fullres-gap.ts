/**
 * Why do the 40 full-resolution radiographs score worse than the validation thumbnails? Runs the
 * 40 through the page's pipeline and through one variant per hypothesis (sampling phase, area
 * averaging, cropping/scale, removed background), and reports each variant as a paired comparison
 * with the page's path (same ids). Also: the validation MAE re-weighted to the 40's age/sex mix,
 * and how dark the background is in the thumbnails vs the full-resolution images.
 * (training/reports/phase-spread.ts measures the same sampling sensitivity on unlabelled images.)
 *   npx tsx training/reports/fullres-gap.ts [--model public/models/bonet-rsna100] [--data ../shared/data]
 *     [--validation-limit N]  only the first N validation thumbnails (quicker)
 *     [--variants REGEX]      only the variants whose name matches (the page's path always runs)
 *     [--lift-level X]        lift the removed background to X × the image's 99 % quantile (default: the
 *                             validation thumbnails' median 5 %/99 % quantile ratio)
 * Progress on stderr; one JSON object on stdout. Needs ../shared/data (says so and exits when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelSex } from '../../core/model/types';
import { asFloatImage } from '../../core/pipeline/as-float-image';
import { decodeImageSync } from '../../core/pipeline/decode';
import { zscore } from '../../core/pipeline/normalise';
import { resampleNearest } from '../../core/pipeline/resample-nearest';
import type { GrayImage } from '../../core/pipeline/types';
import { parseArgs } from '../cli-args';
import { readLabels, type LabelledCase } from '../data/rsna';
import { loadReportModel, validationCases } from './report-model';
import { backgroundStats, cropOffset, liftBackground, padImage, quantile, resampleArea } from './fullres-variants';
import { pairedComparison } from './paired';

const args = parseArgs(process.argv.slice(2), { model: 'string', data: 'string', 'validation-limit': 'number', backend: 'string', variants: 'string', 'lift-level': 'number' });
const dataDir = String(args.data ?? '../shared/data');
const fullDir = join(dataDir, 'rsna-bone-age-fullres');
const thumbDir = join(dataDir, 'rsna-bone-age');
if (!existsSync(fullDir) || !existsSync(thumbDir)) {
  console.error(`fullres-gap: ${dataDir} has no rsna-bone-age-fullres/ or rsna-bone-age/ — nothing to study (the data is not part of the project).`);
  process.exit(0);
}
const { modelDir, card, model } = await loadReportModel(args);
const { width: W, height: H } = card.input;
const sexOf = (c: LabelledCase): ModelSex => (c.male ? 'male' : 'female');

/** Raw 100×100 images (before z-score) → estimates in months, batched. */
async function estimateAll(raws: GrayImage[], sexes: ModelSex[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < raws.length; i += 64) {
    const planes = raws.slice(i, i + 64).map((r) => ({ width: W, height: H, data: zscore(r.data) }));
    for (const e of await model.estimatePlanes(planes, sexes.slice(i, i + 64))) out.push(e.boneAgeMonths);
  }
  return out;
}
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
const median = (v: number[]) => quantile(Float32Array.from(v), 0.5);
const mae = (pred: number[], truth: number[]) => pred.reduce((s, p, i) => s + Math.abs(p - truth[i]), 0) / pred.length;
const bias = (pred: number[], truth: number[]) => pred.reduce((s, p, i) => s + p - truth[i], 0) / pred.length;

// --- Validation thumbnails: predictions and background statistics. ---
const valCases = validationCases(modelDir, thumbDir, args['validation-limit']);
console.error(`validation thumbnails: ${valCases.length}`);
const valRaw = valCases.map((c) => {
  const img = decodeImageSync(new Uint8Array(readFileSync(join(thumbDir, 'boneage-training-dataset', `${c.id}.png`))), `${c.id}.png`);
  return resampleNearest(img, W, H); // 100×100 already: a copy
});
const valPred = await estimateAll(valRaw, valCases.map(sexOf));
const valTruth = valCases.map((c) => c.boneAgeMonths);
const valBg = valRaw.map(backgroundStats);

// --- The 40: every variant's 100×100 image, decoding each radiograph once. ---
const fullCases = readLabels(join(fullDir, 'fullres-check.csv'));
const PHASES = [0, 0.25, 0.5, 0.75];
const thumbDark = median(valBg.map((b) => b.lowOverHigh)); // thumbnails' dark end, relative to their bright end
const bgLevel = args['lift-level'] !== undefined ? Number(args['lift-level']) : thumbDark;
// Each variant gets the decoded radiograph and its 99 % quantile (the bright end, computed once).
const variants: Record<string, (img: GrayImage, p99: number) => GrayImage> = {
  page: (img) => resampleNearest(img, W, H),
  area: (img) => resampleArea(img, W, H),
  'lift-background': (img, p99) => resampleNearest(liftBackground(img, 0, bgLevel * p99), W, H),
};
// Partial anti-aliasing: area-average to k× the input size, then the page's nearest sampler.
for (const k of [2, 3, 4]) variants[`area x${k} then nearest`] = (img) => resampleNearest(resampleArea(img, k * W, k * H), W, H);
// The area path's own sensitivity to where its grid starts (the counterpart of the sampling phase).
for (const p of [0.25, 0.5, 0.75]) for (const q of [0, 0.25, 0.5, 0.75]) {
  variants[`area offset ${p},${q}`] = (img) => resampleArea(cropOffset(img, Math.round((p * img.width) / W), Math.round((q * img.height) / H)), W, H);
}
for (const px of PHASES) for (const py of PHASES) variants[`phase ${px},${py}`] = (img) => resampleNearest(img, W, H, px, py);
for (const f of [0.05, 0.1, 0.15, 0.2]) variants[`pad ${f}`] = (img) => resampleNearest(padImage(img, f), W, H);
// The same smaller hand through the area average the shipped cards name (is the framing what biases the 40?).
for (const f of [0.1, 0.2, 0.3]) variants[`area pad ${f}`] = (img) => resampleArea(padImage(img, f), W, H);
for (const f of [0.1]) variants[`pad ${f} + lift-background`] = (img, p99) => resampleNearest(padImage(liftBackground(img, 0, bgLevel * p99), f, bgLevel * p99), W, H);
const only = args.variants ? new RegExp(String(args.variants)) : null;
const names = Object.keys(variants).filter((n) => n === 'page' || !only || only.test(n));
const raws: Record<string, GrayImage[]> = Object.fromEntries(names.map((n) => [n, []]));
const fullBg: Array<{ lowOverHigh: number; darkShare: number }> = [];
for (const [i, c] of fullCases.entries()) {
  const img = asFloatImage(decodeImageSync(new Uint8Array(readFileSync(join(fullDir, 'images', `${c.id}.png`))), `${c.id}.png`));
  const p99 = quantile(img.data, 0.99);
  for (const n of names) raws[n].push(variants[n](img, p99));
  fullBg.push(backgroundStats(raws.page[i]));
  if (i % 10 === 9) console.error(`full-resolution: ${i + 1}/${fullCases.length}`);
}
const truth = fullCases.map((c) => c.boneAgeMonths);
const preds: Record<string, number[]> = {};
for (const n of names) preds[n] = await estimateAll(raws[n], fullCases.map(sexOf));

const absErr = (p: number[]) => p.map((v, i) => Math.abs(v - truth[i]));
// vsPage: per-case change of the absolute error; shiftVsPage: per-case change of the estimate itself.
const summary = (p: number[]) => ({ mae: round(mae(p, truth)), bias: round(bias(p, truth)), vsPage: pairedComparison(absErr(preds.page), absErr(p)), shiftVsPage: pairedComparison(preds.page, p) });
const phaseNames = names.filter((n) => n.startsWith('phase '));
/** How much a family of variants moves the estimate: its best and worst MAE, and the mean per-case
 *  range (largest − smallest estimate of the same case). */
const spread = (ns: string[]) => ns.length < 2 ? null : {
  variants: ns.length,
  maeMin: round(Math.min(...ns.map((n) => mae(preds[n], truth)))),
  maeMax: round(Math.max(...ns.map((n) => mae(preds[n], truth)))),
  meanPerCaseRange: round(truth.reduce((s, _, i) => s + Math.max(...ns.map((n) => preds[n][i])) - Math.min(...ns.map((n) => preds[n][i])), 0) / truth.length),
};
const meanOver = (ns: string[]) => truth.map((_, i) => ns.reduce((s, n) => s + preds[n][i], 0) / ns.length);

// Validation MAE with the 40's age/sex mix: each of the 40 gets the mean absolute error of the
// validation cases of its sex within ±12 months of its age.
const matched = fullCases.map((c) => {
  const errs = valCases.flatMap((v, j) => (v.male === c.male && Math.abs(v.boneAgeMonths - c.boneAgeMonths) <= 12 ? [Math.abs(valPred[j] - valTruth[j])] : []));
  return errs.length ? errs.reduce((a, b) => a + b, 0) / errs.length : NaN;
});

console.log(JSON.stringify({
  model: card.name,
  validation: { n: valCases.length, mae: round(mae(valPred, valTruth)), bias: round(bias(valPred, valTruth)) },
  validationMaeForTheFortysMix: round(matched.filter(Number.isFinite).reduce((a, b) => a + b, 0) / matched.filter(Number.isFinite).length),
  background: {
    liftLevel: round(bgLevel, 3),
    thumbnails: { lowOverHigh: round(thumbDark, 3), darkShare: round(median(valBg.map((b) => b.darkShare)), 3) },
    fullres: { lowOverHigh: round(median(fullBg.map((b) => b.lowOverHigh)), 3), darkShare: round(median(fullBg.map((b) => b.darkShare)), 3) },
  },
  variants: Object.fromEntries(names.map((n) => [n, summary(preds[n])])),
  phaseSpread: spread(phaseNames),
  areaSpread: spread(names.filter((n) => n === 'area' || n.startsWith('area offset '))),
  ...(phaseNames.length === 16 ? { 'tta: mean over 16 phases': summary(meanOver(phaseNames)) } : {}),
  ...(phaseNames.length === 16 ? { 'tta: mean over 4 phases (0.25/0.75)²': summary(meanOver(['phase 0.25,0.25', 'phase 0.25,0.75', 'phase 0.75,0.25', 'phase 0.75,0.75'])) } : {}),
  perCase: fullCases.map((c, i) => ({ id: c.id, male: c.male, boneage: c.boneAgeMonths, ...Object.fromEntries(['page', 'area', 'pad 0.1'].filter((n) => preds[n]).map((n) => [n, round(preds[n][i], 1)])) })),
}));
