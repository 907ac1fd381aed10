/**
 * Measures quality control (core/qc): how many real radiographs it accepts, and how many generated
 * negatives it flags with the right reason. Nothing generated is saved.
 *   npm run --silent bench:qc -- [--model public/models/qc-hand] [--per-kind 300] [--all]
 * Real: the age model's validation thumbnails (held out from QC training), the 40 full-resolution
 * radiographs, the 10 unlabelled ones, and with --all every one of the 11,477 thumbnails (85% of which
 * the classifier was trained on). Negatives: from held-out real thumbnails and from generated hands
 * (seeds ≥ 100000; training used 1–400). Per-category lines on stderr; the last stdout line is JSON.
 * --list-flagged prints the ids of the real radiographs it flagged, to look at them.
 * Held-out acceptance is also given without the thumbnails judged to be right hands (training/qc/right-hands.ts),
 * and every held-out thumbnail is measured mirrored (no sampling) beside the sampled mirrored negatives.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DecodedImage, GrayImage } from '../../core/pipeline/types';
import { QcModel, type QcCard } from '../../core/qc/qc-model';
import { flipHorizontal, rotate } from '../../core/qc/transforms';
import type { QcReport } from '../../core/qc/types';
import { parseArgs } from '../cli-args';
import { readLabels } from '../data/rsna';
import { loadModelFolder } from '../io/model-files';
import { initTrainingRuntime } from '../runtime';
import { darkLevel } from './augment-hand';
import { EXPECTED_CODE, makeNegative, type NegativeKind } from './negatives';
import { readRadiograph, readSplit, readThumbnails, sharedDataDir } from './real-thumbnails';
import { HELD_OUT_RIGHT_HANDS } from './right-hands';
import { makeRng } from './rng';
import { syntheticLeftHand } from './synthetic-hand';

const args = parseArgs(process.argv.slice(2), { model: 'string', 'per-kind': 'number', all: 'boolean', split: 'string', 'list-flagged': 'boolean' });
const dir = String(args.model ?? 'public/models/qc-hand');
const perKind = Number(args['per-kind'] ?? 300);
await initTrainingRuntime('wasm');
const card = JSON.parse(readFileSync(join(dir, 'model-card.json'), 'utf8')) as QcCard;
const qc = new QcModel(await loadModelFolder(dir), card);

const asDecoded = (img: GrayImage, bitDepth = 8): DecodedImage => ({ ...img, format: 'png', bitDepth, window: { center: 127.5, width: 255 }, meta: {}, notices: [] });
const r3 = (v: number) => Math.round(v * 1000) / 1000;
let assessed = 0, assessMs = 0;
async function assess(img: DecodedImage): Promise<QcReport> {
  const t = performance.now();
  const r = await qc.assess(img);
  assessMs += performance.now() - t;
  assessed++;
  return r;
}

interface Tally { n: number; accepted: number; reasons: Record<string, number>; flaggedIds: string[] }
async function acceptance(label: string, images: Iterable<DecodedImage>, ids?: string[]): Promise<Tally> {
  const t: Tally = { n: 0, accepted: 0, reasons: {}, flaggedIds: [] };
  for (const img of images) {
    const r = await assess(img);
    if (r.ok) t.accepted++;
    else if (ids) t.flaggedIds.push(`${ids[t.n]}:${r.flags.map((f) => f.code).join('+')}`);
    t.n++;
    for (const f of r.flags) t.reasons[f.code] = (t.reasons[f.code] ?? 0) + 1;
  }
  if (args['list-flagged'] && t.flaggedIds.length) console.error(`  flagged: ${t.flaggedIds.join(' ')}`);
  console.error(`${label.padEnd(34)} accepted ${t.accepted}/${t.n} = ${(100 * t.accepted / t.n).toFixed(1)}%  flags ${JSON.stringify(t.reasons)}`);
  return t;
}

const data = sharedDataDir();
const results: Record<string, unknown> = { model: card.name, ok_threshold: card.okThreshold };
const rng = makeRng(424242);
const SYN0 = 100000;
let realHands: GrayImage[] = [];

if (!data) {
  console.error('The real radiographs (../shared/data) are absent: measuring generated images only.');
} else {
  const thumbs = join(data, 'rsna-bone-age', 'boneage-training-dataset');
  const split = readSplit(String(args.split ?? 'public/models/bonet-rsna100/split.json'));
  const held = readThumbnails(thumbs, split.validation);
  realHands = held.map((u) => ({ width: 100, height: 100, data: Float32Array.from(u) }));
  const real: Record<string, Tally> = {};
  real.thumbnails_heldout = await acceptance(`real thumbnails, held out (${held.length})`, realHands.map((h) => asDecoded(h)), split.validation);
  // The same without the held-out thumbnails judged by eye to be right hands (training/qc/right-hands.ts), for
  // which a "mirrored" flag is right; the raw figure above stays the headline.
  const right = new Set(HELD_OUT_RIGHT_HANDS);
  const flaggedIds = new Set(real.thumbnails_heldout.flaggedIds.map((f) => f.split(':')[0]));
  const leftIds = split.validation.filter((id) => !right.has(id));
  const leftAccepted = leftIds.filter((id) => !flaggedIds.has(id)).length;
  console.error(`${'  without the listed right hands'.padEnd(34)} accepted ${leftAccepted}/${leftIds.length} = ${(100 * leftAccepted / leftIds.length).toFixed(1)}%  (${split.validation.length - leftIds.length} listed right hands: ${split.validation.filter((id) => right.has(id) && flaggedIds.has(id)).length} flagged)`);
  results.thumbnails_heldout_without_right_hands = { n: leftIds.length, accepted: leftAccepted, rate: r3(leftAccepted / leftIds.length) };
  // Every held-out thumbnail mirrored (no sampling), beside the sampled "mirrored (real thumbnails)" negatives below.
  let mirroredRight = 0, mirroredRightLeftOnly = 0;
  for (let i = 0; i < realHands.length; i++) {
    const r = await assess(asDecoded(flipHorizontal(realHands[i])));
    const hit = r.flags.some((f) => f.code === 'mirrored');
    mirroredRight += +hit;
    if (!right.has(split.validation[i])) mirroredRightLeftOnly += +hit;
  }
  console.error(`${`every held-out thumbnail mirrored (${realHands.length})`.padEnd(34)} right reason ${mirroredRight}/${realHands.length} = ${(100 * mirroredRight / realHands.length).toFixed(1)}%; without the listed right hands ${mirroredRightLeftOnly}/${leftIds.length} = ${(100 * mirroredRightLeftOnly / leftIds.length).toFixed(1)}%`);
  results.mirrored_every_heldout = { n: realHands.length, right_reason: r3(mirroredRight / realHands.length), right_reason_without_right_hands: r3(mirroredRightLeftOnly / leftIds.length) };
  const frDir = join(data, 'rsna-bone-age-fullres');
  if (existsSync(join(frDir, 'fullres-check.csv'))) {
    const ids = readLabels(join(frDir, 'fullres-check.csv')).map((c) => c.id);
    const full = ids.map((id) => readRadiograph(join(frDir, 'images', `${id}.png`)));
    real.fullres_40 = await acceptance('real full-resolution (40)', full.map((img) => asDecoded(img)), ids);
    // Left vs right on full-size radiographs: the same 40, mirrored (all are left hands, checked by eye).
    const m = await acceptance('  the same 40, mirrored', full.map((img) => asDecoded(flipHorizontal(img))), ids);
    results.fullres_40_mirrored_flagged_mirrored = r3((m.reasons.mirrored ?? 0) / m.n);
  }
  const unDir = join(data, 'unlabelled-radiographs');
  if (existsSync(unDir)) {
    const files = readdirSync(unDir).filter((f) => f.endsWith('.png')).sort();
    real.unlabelled_10 = await acceptance(`real unlabelled (${files.length})`, files.map((f) => asDecoded(readRadiograph(join(unDir, f)))), files);
  }
  if (args.all) {
    const all = readLabels(join(data, 'rsna-bone-age', 'boneage-training-dataset.csv')).map((c) => c.id);
    const gen = function* () { for (const id of all) yield asDecoded(readRadiograph(join(thumbs, `${id}.png`))); };
    real.thumbnails_all = await acceptance(`real thumbnails, all (${all.length})`, gen(), all);
  }
  results.real = Object.fromEntries(Object.entries(real).map(([k, t]) => [k, { n: t.n, accepted: t.accepted, rate: r3(t.accepted / t.n), flags: t.reasons }]));
}

const synthetic = Array.from({ length: perKind }, (_, i) => syntheticLeftHand(100, 100, SYN0 + i));
results.generated_hands_accepted = (await acceptance(`generated left hands (${perKind})`, synthetic.map((h) => asDecoded(h)))).accepted / perKind;

// Negatives: each kind from each source; right = the expected flag is among the flags.
const noHand: NegativeKind[] = ['blank', 'noise', 'texture', 'shapes', 'photo-like'];
const fromHands: NegativeKind[] = ['mirrored', 'rotated', 'inverted', 'too-dark', 'burnt-out', 'two-hands'];
const negatives: Record<string, { n: number; right: number; flagged: number; wrong: Record<string, number> }> = {};
async function negative(label: string, kind: NegativeKind, source: GrayImage[]) {
  const t = { n: 0, right: 0, flagged: 0, wrong: {} as Record<string, number> };
  for (let i = 0; i < perKind; i++) {
    const hand = source.length ? source[rng.int(0, source.length - 1)] : syntheticLeftHand(100, 100, SYN0 + i);
    const other = source.length ? source[rng.int(0, source.length - 1)] : hand;
    const r = await assess(asDecoded(makeNegative(kind, 100, 100, rng, hand, other)));
    t.n++;
    if (!r.ok) t.flagged++;
    if (r.flags.some((f) => f.code === EXPECTED_CODE[kind])) t.right++;
    else { const k = r.ok ? 'accepted' : r.flags.map((f) => f.code).join('+'); t.wrong[k] = (t.wrong[k] ?? 0) + 1; }
  }
  console.error(`${label.padEnd(34)} right reason ${t.right}/${t.n} = ${(100 * t.right / t.n).toFixed(1)}%  flagged ${(100 * t.flagged / t.n).toFixed(1)}%  otherwise ${JSON.stringify(t.wrong)}`);
  negatives[label] = t;
}
for (const k of noHand) await negative(k, k, []);
for (const k of fromHands) {
  if (realHands.length) await negative(`${k} (real thumbnails)`, k, realHands);
  await negative(`${k} (generated hands)`, k, synthetic);
}
// Where the rotation limit lies: share flagged "rotated" by angle (either direction), held-out real thumbnails.
if (realHands.length) {
  const sweep: Record<string, number> = {};
  for (const deg of [10, 20, 30, 45, 60, 90, 135, 180]) {
    let hit = 0;
    const n = Math.min(100, realHands.length);
    for (let i = 0; i < n; i++) {
      const h = realHands[(i * 17) % realHands.length];
      const r = await assess(asDecoded(rotate(h, i % 2 ? deg : -deg, darkLevel(h))));
      if (r.flags.some((f) => f.code === 'rotated')) hit++;
    }
    sweep[`${deg}`] = r3(hit / n);
  }
  console.error(`rotation sweep (share flagged "rotated", 100 held-out thumbnails per angle): ${JSON.stringify(sweep)}`);
  results.rotation_sweep_flagged_rotated = sweep;
}
const totalN = Object.values(negatives).reduce((a, t) => a + t.n, 0);
const totalRight = Object.values(negatives).reduce((a, t) => a + t.right, 0);
console.error(`all negatives: right reason ${totalRight}/${totalN} = ${(100 * totalRight / totalN).toFixed(1)}%; ${(assessMs / assessed).toFixed(2)} ms per image (wasm, Node)`);
results.negatives = Object.fromEntries(Object.entries(negatives).map(([k, t]) => [k, { n: t.n, right_reason: r3(t.right / t.n), flagged: r3(t.flagged / t.n) }]));
results.negatives_right_reason_overall = r3(totalRight / totalN);
results.ms_per_image = r3(assessMs / assessed);
console.log(JSON.stringify(results));
