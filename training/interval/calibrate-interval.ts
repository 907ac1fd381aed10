/**
 * Calibrates the bone-age interval on the age model's validation split (split conformal): the method
 * is chosen by its mean width over random halvings of the validation cases (choose-interval.ts), its q
 * is fitted on a seeded half and the other half reports coverage of the nominal interval, its mean width
 * and both by sex × age band; the 40 full-resolution radiographs are a second check.
 *   npm run --silent calibrate:interval -- [--model public/models/bonet-rsna100] [--coverage 0.9] [--tta] [--careful] [--dry-run]
 * With --careful, each case is read with the card's careful reading (card.careful, core/model/reading-mode.ts)
 * and the calibration goes into `careful.interval`: the page's interval beside a careful estimate.
 * Methods compared: a constant width, one per band of estimated age (Mondrian conformal; bands at 60,
 * 120, 168 months), and a width scaled by the age map's spread; with --tta also by
 * the spread of the estimates over four ±3 px shifts (five forward passes per case).
 * Writes the chosen calibration into the model card's `interval` field; last stdout line is JSON.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoneAgeModel } from '../../core/model';
import { readingForSex } from '../../core/model/age-map';
import { cardForReading, offersCarefulReading } from '../../core/model/reading-mode';
import type { ModelSex } from '../../core/model/types';
import { preprocess } from '../../core/pipeline/preprocess';
import { assessBySubgroup, assessIntervals, mapSpread, spreadOf, type IntervalAssessment, type IntervalCalibration, type RepeatedHalves } from '../../core/uncertainty/interval';
import { shiftedPlanes, TTA_SHIFTS } from '../../core/uncertainty/tta';
import { parseArgs } from '../cli-args';
import { casesFor, chooseInterval, seededHalves, type MeasuredCase, type Method } from './choose-interval';
import { readLabels } from '../data/rsna';
import { loadModelFolder, readModelCard } from '../io/model-files';
import { ProgressBar } from '../progress';
import { readRadiograph, readSplit, sharedDataDir } from '../qc/real-thumbnails';
import { initTrainingRuntime } from '../runtime';

const args = parseArgs(process.argv.slice(2), { model: 'string', coverage: 'number', seed: 'number', 'dry-run': 'boolean', tta: 'boolean', careful: 'boolean' });
// Test-time augmentation costs five forward passes per case: only with --tta.
const withTta = Boolean(args.tta);
const dir = String(args.model ?? 'public/models/bonet-rsna100');
const coverage = Number(args.coverage ?? 0.9);
const data = sharedDataDir();
if (!data) {
  console.error('calibrate:interval needs the real radiographs in ../shared/data (absent here): nothing calibrated.');
  process.exit(2);
}
await initTrainingRuntime('wasm');
const onDisk = readModelCard(dir);
if (args.careful && !offersCarefulReading(onDisk)) {
  console.error(`--careful: ${dir}'s card has no careful reading with validation figures (record them first: evaluate --careful axis1 --record-validation).`);
  process.exit(2);
}
const card = cardForReading(onDisk, args.careful ? 'careful' : 'standard');
const model = new BoneAgeModel(await loadModelFolder(dir), card);

interface Measured extends MeasuredCase { id: string; noSex?: { estimate: number; mapSpread: number } }

/** Each radiograph through the page's pipeline: the estimate, its map's spread, and the TTA spread. */
async function measure(ids: string[], truth: Map<string, number>, male: Map<string, boolean>, imagesDir: string, label: string): Promise<Measured[]> {
  const out: Measured[] = [];
  const bar = new ProgressBar(label, ids.length);
  for (const [i, id] of ids.entries()) {
    const plane = preprocess(readRadiograph(join(imagesDir, `${id}.png`)), card.input);
    // Each case read for its own sex (a model with sex channels), as the page reads it once the sex is
    // entered, and with the card's own test-time augmentation (output.tta), as the page shows it.
    const sex: ModelSex = male.get(id) ? 'male' : 'female';
    const base = await model.estimatePlane(plane, sex);
    const shifted = withTta ? await model.estimatePlanes(shiftedPlanes(plane, TTA_SHIFTS), TTA_SHIFTS.map(() => sex)) : [];
    // The same pass read without the sex (the mean of both readings), as the page shows it until the sex is entered.
    const noSex = model.readsSex ? readingForSex(base, null) : null;
    out.push({
      id, male: Boolean(male.get(id)), truth: truth.get(id)!, estimate: base.boneAgeMonths, mapSpread: mapSpread(base.map),
      ttaSpread: withTta ? spreadOf([base.boneAgeMonths, ...shifted.map((e) => e.boneAgeMonths)]) : NaN,
      ...(noSex ? { noSex: { estimate: noSex.boneAgeMonths, mapSpread: mapSpread(noSex.map) } } : {}),
    });
    if (i % 32 === 0) bar.update(i + 1, '');
  }
  bar.done('');
  return out;
}

const labels = readLabels(join(data, 'rsna-bone-age', 'boneage-training-dataset.csv'));
const truth = new Map(labels.map((c) => [c.id, c.boneAgeMonths]));
const validation = readSplit(join(dir, card.training.split.splitFile)).validation;
const maleOf = new Map(labels.map((c) => [c.id, c.male]));
const measured = await measure(validation, truth, maleOf, join(data, 'rsna-bone-age', 'boneage-training-dataset'), 'validation');

// Seeded halves: the calibration half fits, the test half reports; the method is chosen over random halvings.
const [calib, test] = seededHalves(measured, Number(args.seed ?? 2017));
const REPEATS = 200;
const methods: Method[] = withTta ? ['constant', 'age-band', 'map-spread', 'tta'] : ['constant', 'age-band', 'map-spread'];
const choose = (c: Measured[], t: Measured[], ms: Method[]) => {
  const out = chooseInterval(c, t, ms, coverage, REPEATS);
  for (const cand of out.candidates) if (cand.method === 'tta') cand.cal = { ...cand.cal, shifts: TTA_SHIFTS };
  return out;
};
const { candidates, chosen } = choose(calib, test, methods);
// Readings without the sex (a model with sex channels): calibrated separately on the same halves.
const withoutSexOf = (ms: Measured[]): Measured[] => ms.map((m) => ({ ...m, estimate: m.noSex!.estimate, mapSpread: m.noSex!.mapSpread, ttaSpread: NaN }));
const noSex = model.readsSex ? choose(withoutSexOf(calib), withoutSexOf(test), ['constant', 'age-band', 'map-spread']) : null;

// Second check: the 40 full-resolution radiographs (not in the thumbnails, never seen in training).
let fullres: IntervalAssessment | null = null;
let fullresNoSex: IntervalAssessment | null = null;
const frDir = join(data, 'rsna-bone-age-fullres');
if (existsSync(join(frDir, 'fullres-check.csv'))) {
  const fr = readLabels(join(frDir, 'fullres-check.csv'));
  const m = await measure(fr.map((c) => c.id), new Map(fr.map((c) => [c.id, c.boneAgeMonths])), new Map(fr.map((c) => [c.id, c.male])), join(frDir, 'images'), 'full-res');
  fullres = assessIntervals(casesFor(m, chosen.method), chosen.cal);
  if (noSex) fullresNoSex = assessIntervals(casesFor(withoutSexOf(m), noSex.chosen.method), noSex.chosen.cal);
}

const r = (v: number) => Math.round(v * 1000) / 1000;
const roundedRepeats = (a: RepeatedHalves): RepeatedHalves => ({ repeats: a.repeats, meanCoverage: r(a.meanCoverage), p5Coverage: r(a.p5Coverage), p95Coverage: r(a.p95Coverage), meanWidthMonths: r(a.meanWidthMonths) });
const rounded = (a: IntervalAssessment) => ({ n: a.n, coverage: r(a.coverage), meanWidthMonths: r(a.meanWidthMonths) });
// The nominal coverage holds over all cases; within a sex × age band it may not (errors differ by group).
const bySubgroup = (ms: Measured[], method: IntervalCalibration['method'], cal: IntervalCalibration) =>
  Object.fromEntries(Object.entries(assessBySubgroup(casesFor(ms, method), cal)).map(([k, a]) => [k, rounded(a)]));
const testBySubgroup = bySubgroup(test, chosen.method, chosen.cal);
const testBySubgroupNoSex = noSex && bySubgroup(withoutSexOf(test), noSex.chosen.method, noSex.chosen.cal);
const subgroupLine = (g: Record<string, IntervalAssessment>) => Object.entries(g).map(([k, a]) => `${k} ${(100 * a.coverage).toFixed(1)}% (n ${a.n})`).join(', ');
for (const c of candidates) {
  console.error(`${c.method.padEnd(10)} q ${c.cal.bandQ ? c.cal.bandQ.map((q) => q.toFixed(1)).join('/') + ` (bands at ${c.cal.bandEdges!.join(', ')} months)` : c.cal.q.toFixed(3)} offset ${c.cal.offsetMonths} · test half: coverage ${(100 * c.test.coverage).toFixed(1)}%, mean width ${c.test.meanWidthMonths.toFixed(1)} months · ${REPEATS} halvings: coverage ${(100 * c.repeated.meanCoverage).toFixed(1)}% (5-95th percentile ${(100 * c.repeated.p5Coverage).toFixed(1)}-${(100 * c.repeated.p95Coverage).toFixed(1)}), mean width ${c.repeated.meanWidthMonths.toFixed(2)} months`);
}
console.error(`chosen (${chosen.method}), test half by subgroup: ${subgroupLine(testBySubgroup)}`);
if (testBySubgroupNoSex) console.error(`without sex (${noSex!.chosen.method}), test half by subgroup: ${subgroupLine(testBySubgroupNoSex)}`);
const record = {
  ...chosen.cal, q: r(chosen.cal.q), ...(chosen.cal.bandQ ? { bandQ: chosen.cal.bandQ.map(r) } : {}),
  calibration: {
    data: `${card.name} validation split (${measured.length} thumbnails${card.output.tta ? `, each read with TTA ${card.output.tta}` : ''}), seeded halves (seed ${Number(args.seed ?? 2017)}): ${calib.length} to calibrate, ${test.length} to test`,
    chosenBy: `the simplest method (constant, age-band, map-spread, tta) within 2% of the narrowest mean width over ${REPEATS} random halvings of the validation split (each fitted on one half at its narrowest offset, measured on the other); then fitted on the seeded calibration half`,
    testHalf: rounded(chosen.test),
    testHalfBySubgroup: testBySubgroup,
    fullRes40: fullres && rounded(fullres),
    repeatedHalves: roundedRepeats(chosen.repeated),
    alternatives: candidates.map((c) => ({ method: c.method, q: r(c.cal.q), bandQ: c.cal.bandQ?.map(r), offsetMonths: c.cal.offsetMonths, testCoverage: r(c.test.coverage), testMeanWidthMonths: r(c.test.meanWidthMonths), repeatedHalves: roundedRepeats(c.repeated) })),
    date: new Date().toISOString().slice(0, 10),
  },
  ...(noSex ? {
    withoutSex: {
      ...noSex.chosen.cal, q: r(noSex.chosen.cal.q), ...(noSex.chosen.cal.bandQ ? { bandQ: noSex.chosen.cal.bandQ.map(r) } : {}),
      calibration: {
        data: 'the same halves, each case read without its sex (the mean of the boy and girl readings)',
        testHalf: rounded(noSex.chosen.test),
        testHalfBySubgroup: testBySubgroupNoSex!,
        fullRes40: fullresNoSex && rounded(fullresNoSex),
        repeatedHalves: roundedRepeats(noSex.chosen.repeated),
      },
    },
  } : {}),
};
if (!args['dry-run']) {
  const raw = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8'));
  if (args.careful) raw.careful.interval = record;
  else raw.interval = record;
  writeFileSync(join(dir, 'model-card.json'), JSON.stringify(raw, null, 2) + '\n');
  console.error(`wrote the interval calibration into ${join(dir, 'model-card.json')}`);
}
console.log(JSON.stringify({ ...(args.careful ? { reading: 'careful', tta: card.output.tta } : {}), nominal: coverage, method: chosen.method, q: r(chosen.cal.q), band_edges: chosen.cal.bandEdges, band_q: chosen.cal.bandQ?.map(r), offset_months: chosen.cal.offsetMonths, test_n: chosen.test.n, test_coverage: r(chosen.test.coverage), test_mean_width_months: r(chosen.test.meanWidthMonths), fullres_coverage: fullres && r(fullres.coverage), fullres_mean_width_months: fullres && r(fullres.meanWidthMonths), alternatives: record.calibration.alternatives, ...(noSex ? { without_sex: { method: noSex.chosen.method, q: r(noSex.chosen.cal.q), test_coverage: r(noSex.chosen.test.coverage), test_mean_width_months: r(noSex.chosen.test.meanWidthMonths), fullres_coverage: fullresNoSex && r(fullresNoSex.coverage) } } : {}) }));
