/**
 * Left vs right: how far the TW-region localiser's layout, its confidences and the QC classifier's own
 * evidence (on the image and on its mirror) tell a left hand from a right or mirrored one, alone and combined.
 *   npm run --silent bench:side -- [--train-n 1500] [--detect 0.96]
 * Measured on the held-out thumbnails (the age model's validation split, never used to train QC) and on the
 * same thumbnails mirrored; also on the 40 full-resolution check radiographs and their mirrors. Logistic combinations are fitted on `--train-n` thumbnails of the QC TRAINING
 * split and their mirrors only; the threshold of each is set on that training sample too (the lowest at which
 * its mirrors are flagged at least `--detect` of the time). Nothing of the held-out set is used to fit.
 * The QC decision it simulates: the QC model's own report (rules + classifier) with its "mirrored" flag
 * replaced by the combination's verdict. The last stdout line is JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DecodedImage, GrayImage } from '../../core/pipeline/types';
import { QcModel, type QcCard } from '../../core/qc/qc-model';
import { flipHorizontal } from '../../core/qc/transforms';
import { parseArgs } from '../cli-args';
import { loadModelFolder } from '../io/model-files';
import { loadLocaliserFolder } from '../localiser/load';
import { initTrainingRuntime } from '../runtime';
import { readLabels } from '../data/rsna';
import { readRadiograph, readSplit, readThumbnails, sharedDataDir } from './real-thumbnails';
import { HELD_OUT_RIGHT_HANDS } from './right-hands';
import { makeRng } from './rng';
import { observeSides } from './side-features';
import { fitLogistic, logisticScore, SIDE_FEATURES, sideFeatures, type SideFeature } from './side-evidence';

const args = parseArgs(process.argv.slice(2), { 'train-n': 'number', detect: 'number', model: 'string', localiser: 'string', split: 'string' });
const trainN = Number(args['train-n'] ?? 1500), detect = Number(args.detect ?? 0.96);
const data = sharedDataDir();
if (!data) {
  console.error('bench:side needs the real thumbnails in ../shared/data/rsna-bone-age: skipped.');
  process.exit(0);
}
await initTrainingRuntime('wasm');
const qcDir = String(args.model ?? 'public/models/qc-hand');
const qc = new QcModel(await loadModelFolder(qcDir), JSON.parse(readFileSync(join(qcDir, 'model-card.json'), 'utf8')) as QcCard);
const localiser = await loadLocaliserFolder(String(args.localiser ?? 'public/models/tw-localiser'));
const split = readSplit(String(args.split ?? 'public/models/bonet-rsna100/split.json'));
const thumbs = join(data, 'rsna-bone-age', 'boneage-training-dataset');
const rng = makeRng(5);
const trainIds = [...split.train].map((id) => [rng(), id] as const).sort((a, b) => a[0] - b[0]).slice(0, trainN).map(([, id]) => id);

const asDecoded = (img: GrayImage): DecodedImage => ({ ...img, format: 'png', bitDepth: 8, window: { center: 127.5, width: 255 }, meta: {}, notices: [] });
interface Row { id: string; f: Record<SideFeature, number>; fm: Record<SideFeature, number>; flags: string[]; flagsMirrored: string[] }
/** Features of each thumbnail and of its mirror, and the QC model's own flags on both. */
async function measure(ids: string[], images?: GrayImage[]): Promise<Row[]> {
  const imgs = images ?? readThumbnails(thumbs, ids).map((u) => ({ width: 100, height: 100, data: Float32Array.from(u) }));
  const rows: Row[] = [];
  for (let i = 0; i < imgs.length; i += 100) {
    const batch = imgs.slice(i, i + 100);
    const obs = await observeSides(qc, localiser, batch);
    for (let k = 0; k < batch.length; k++) {
      const o = obs[k];
      const mirrored = { probs: o.probsFlipped, probsFlipped: o.probs, boxes: o.boxesFlipped, boxesFlipped: o.boxes };
      const codes = async (img: GrayImage) => (await qc.assess(asDecoded(img))).flags.map((f) => f.code as string);
      rows.push({ id: ids[i + k], f: sideFeatures(o, batch[k].width), fm: sideFeatures(mirrored, batch[k].width), flags: await codes(batch[k]), flagsMirrored: await codes(flipHorizontal(batch[k])) });
    }
  }
  return rows;
}
const t0 = performance.now();
const held = await measure(split.validation);
const train = await measure(trainIds);
// The 40 full-resolution check radiographs (all left hands, checked by eye), through the same code at full size.
const frDir = join(data, 'rsna-bone-age-fullres');
const frIds = existsSync(join(frDir, 'fullres-check.csv')) ? readLabels(join(frDir, 'fullres-check.csv')).map((c) => c.id) : [];
const fullres = await measure(frIds, frIds.map((id) => readRadiograph(join(frDir, 'images', `${id}.png`))));
console.error(`measured ${held.length} held-out and ${train.length} training thumbnails and ${fullres.length} full-resolution radiographs (each also mirrored) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const right = new Set(HELD_OUT_RIGHT_HANDS);
const heldLeft = held.filter((r) => !right.has(r.id));
const pct = (a: number, n: number) => `${a}/${n} = ${(100 * a / n).toFixed(2)}%`;
const r3 = (v: number) => Math.round(v * 10000) / 10000; // 4 places: 1686/1721 must not read as 0.98
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]; };
const results: Record<string, unknown> = { held_out: held.length, right_hands_listed: right.size, train_sample: train.length };

// 1. Each signal alone, sign only (> 0 = "left").
const signals: Record<string, unknown> = {};
for (const k of SIDE_FEATURES) {
  const left = held.filter((r) => r.f[k] > 0).length, leftMirror = held.filter((r) => r.fm[k] > 0).length;
  console.error(`${k.padEnd(16)} > 0 on held-out ${pct(left, held.length)}, on their mirrors ${pct(leftMirror, held.length)}; median ${median(held.map((r) => r.f[k])).toFixed(3)} vs ${median(held.map((r) => r.fm[k])).toFixed(3)} mirrored`);
  signals[k] = { positive_heldout: r3(left / held.length), positive_mirrored: r3(leftMirror / held.length), median_heldout: r3(median(held.map((r) => r.f[k]))), median_mirrored: r3(median(held.map((r) => r.fm[k]))) };
}
results.signals = signals;

/** The QC outcome when the "mirrored" flag comes from `isRight` instead of the classifier. */
function outcome(rows: Row[], isRight: (f: Record<SideFeature, number>) => boolean) {
  let accepted = 0, detected = 0;
  for (const r of rows) {
    const flags = r.flags.filter((c) => c !== 'mirrored');
    if (flags.length === 0 && !isRight(r.f)) accepted++;
    if (isRight(r.fm)) detected++;
  }
  return { accepted, detected, n: rows.length };
}
function report(label: string, isRight: (f: Record<SideFeature, number>) => boolean) {
  const all = outcome(held, isRight), left = outcome(heldLeft, isRight), fr = outcome(fullres, isRight);
  console.error(`${label.padEnd(44)} held-out accepted ${pct(all.accepted, all.n)} (left hands only ${pct(left.accepted, left.n)}); mirrored flagged "mirrored" ${pct(all.detected, all.n)} (left hands only ${pct(left.detected, left.n)})`
    + (fr.n ? `; full-res accepted ${fr.accepted}/${fr.n}, mirrored flagged ${fr.detected}/${fr.n}` : ''));
  return { accepted: r3(all.accepted / all.n), accepted_left_only: r3(left.accepted / left.n), mirrored_flagged: r3(all.detected / all.n), mirrored_flagged_left_only: r3(left.detected / left.n),
    ...(fr.n ? { fullres_accepted: r3(fr.accepted / fr.n), fullres_mirrored_flagged: r3(fr.detected / fr.n) } : {}) };
}
// 2. The QC model as it is (its own mirrored flag), for reference.
const combos: Record<string, unknown> = {};
{
  let accepted = 0, detected = 0, acceptedL = 0, detectedL = 0;
  for (const r of held) {
    const ok = r.flags.length === 0, det = r.flagsMirrored.includes('mirrored');
    accepted += +ok; detected += +det;
    if (!right.has(r.id)) { acceptedL += +ok; detectedL += +det; }
  }
  const frOk = fullres.filter((r) => r.flags.length === 0).length, frDet = fullres.filter((r) => r.flagsMirrored.includes('mirrored')).length;
  console.error(`${'QC model as shipped'.padEnd(44)} held-out accepted ${pct(accepted, held.length)} (left hands only ${pct(acceptedL, heldLeft.length)}); mirrored flagged "mirrored" ${pct(detected, held.length)} (left hands only ${pct(detectedL, heldLeft.length)})`
    + (fullres.length ? `; full-res accepted ${frOk}/${fullres.length}, mirrored flagged ${frDet}/${fullres.length}` : ''));
  combos.qc_as_shipped = { accepted: r3(accepted / held.length), accepted_left_only: r3(acceptedL / heldLeft.length), mirrored_flagged: r3(detected / held.length), mirrored_flagged_left_only: r3(detectedL / heldLeft.length),
    ...(fullres.length ? { fullres_accepted: r3(frOk / fullres.length), fullres_mirrored_flagged: r3(frDet / fullres.length) } : {}) };
}
// 3. Logistic combinations fitted on the training sample (left = 1: each thumbnail; 0: its mirror).
const sets: SideFeature[][] = [['radiusMinusUlna', 'thumbOffset'], ['scoreGap'], ['radiusMinusUlna', 'thumbOffset', 'scoreGap'], ['mirrorTta'], ['mirrorTta', 'scoreGap'], ['mirrorTta', 'okTta', 'scoreGap', 'radiusMinusUlna', 'thumbOffset']];
for (const set of sets) {
  const X = [...train.map((r) => set.map((k) => r.f[k])), ...train.map((r) => set.map((k) => r.fm[k]))];
  const y = [...train.map(() => 1), ...train.map(() => 0)];
  const model = fitLogistic(set, X, y);
  // Threshold from the training sample: the lowest at which ≥ `detect` of its mirrors score below it.
  const mirrorScores = train.map((r) => logisticScore(model, set.map((k) => r.fm[k]))).sort((a, b) => a - b);
  const threshold = mirrorScores[Math.min(mirrorScores.length - 1, Math.ceil(detect * mirrorScores.length) - 1)] + 1e-9;
  const label = `${set.join('+')} (t ${threshold.toFixed(2)})`;
  combos[set.join('+')] = { threshold: r3(threshold), weights: model.weights.map(r3), bias: r3(model.bias), ...report(label, (f) => logisticScore(model, set.map((k) => f[k])) < threshold) };
}
results.combinations = combos;
results.note = `threshold per combination: the lowest flagging >= ${detect} of the training sample's mirrors; 'left_only' excludes the ${right.size} held-out right hands listed in training/qc/right-hands.ts`;
console.log(JSON.stringify(results));
