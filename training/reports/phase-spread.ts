/**
 * How much the estimate of one radiograph moves with where the resampling grid falls: for every PNG
 * in a folder (no labels needed), the estimate at 16 nearest-sampling phases and at 16 offsets of
 * the area-average grid (offsets of 0, ¼, ½, ¾ of a destination cell per axis), and area − nearest.
 *   npx tsx training/reports/phase-spread.ts [--images ../shared/data/unlabelled-radiographs] [--model public/models/bonet-rsna100]
 * One JSON object on stdout. Needs the folder (says so and exits when absent).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asFloatImage } from '../../core/pipeline/as-float-image';
import { decodeImageSync } from '../../core/pipeline/decode';
import { zscore } from '../../core/pipeline/normalise';
import { resampleArea } from '../../core/pipeline/resample-area';
import { resampleNearest } from '../../core/pipeline/resample-nearest';
import { parseArgs } from '../cli-args';
import { loadReportModel } from './report-model';
import { cropOffset } from './fullres-variants';

const args = parseArgs(process.argv.slice(2), { model: 'string', images: 'string', backend: 'string' });
const dir = String(args.images ?? '../shared/data/unlabelled-radiographs');
if (!existsSync(dir)) {
  console.error(`phase-spread: no ${dir} — nothing to measure (the data is not part of the project).`);
  process.exit(0);
}
const { card, model } = await loadReportModel(args);
const { width: W, height: H } = card.input;
const PHASES = [0, 0.25, 0.5, 0.75];
const round = (v: number) => Math.round(v * 100) / 100;
const mean = (v: number[]) => round(v.reduce((a, b) => a + b, 0) / Math.max(1, v.length));

const rows: Array<{ file: string; size: string; nearestCentre: number; area: number; nearestRange: number; areaRange: number }> = [];
for (const file of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.png')).sort()) {
  const img = asFloatImage(decodeImageSync(new Uint8Array(readFileSync(join(dir, file))), file));
  const near = PHASES.flatMap((px) => PHASES.map((py) => resampleNearest(img, W, H, px, py)));
  const area = PHASES.flatMap((p) => PHASES.map((q) => resampleArea(cropOffset(img, Math.round((p * img.width) / W), Math.round((q * img.height) / H)), W, H)));
  const planes = [...near, ...area].map((r) => ({ width: W, height: H, data: zscore(r.data) }));
  const e = (await model.estimatePlanes(planes, planes.map(() => null))).map((x) => x.boneAgeMonths);
  const [en, ea] = [e.slice(0, 16), e.slice(16)];
  // en[10] = phase (0.5, 0.5), the page's sampler before the cards named area average; ea[0] = area with no offset
  rows.push({ file, size: `${img.width}×${img.height}`, nearestCentre: round(en[10]), area: round(ea[0]), nearestRange: round(Math.max(...en) - Math.min(...en)), areaRange: round(Math.max(...ea) - Math.min(...ea)) });
}
console.log(JSON.stringify({
  model: card.name,
  n: rows.length,
  areaMinusNearestCentre: mean(rows.map((r) => r.area - r.nearestCentre)),
  meanPerCaseRange: { nearest16Phases: mean(rows.map((r) => r.nearestRange)), area16Offsets: mean(rows.map((r) => r.areaRange)) },
  rows,
}));
