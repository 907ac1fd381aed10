/**
 * Held-out figures of a localiser model folder, through the page's pipeline (decodeImage → preprocess →
 * TwLocaliser.locate), boxes compared in the annotation frame (the original radiograph's pixels).
 *   npm run --silent evaluate:localiser -- --model <dir> [--split <split.json>] [--rois <dir>] [--images <dir>] [--hands]
 * Uses the held-out ids of the model's own split.json unless --split says otherwise. Prints one JSON object
 * (with --hands, first one line per hand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalOrder } from '../../core/localiser/canonical';
import type { SlotBox } from '../../core/localiser/types';
import { decodeImage } from '../../core/pipeline/decode';
import { parseArgs } from '../cli-args';
import { initTrainingRuntime } from '../runtime';
import { readAnnotations } from './annotations';
import { ROIS_DIR, THUMBS_DIR } from './dataset';
import { loadLocaliserFolder } from './load';
import { localiserFigures } from './metrics';

const args = parseArgs(process.argv.slice(2), { model: 'string', split: 'string', rois: 'string', images: 'string', backend: 'string', hands: 'boolean' });
if (!args.model) throw new Error('--model <localiser folder> is required. Usage: evaluate:localiser --model <dir> [--split <split.json>]');
const roisDir = String(args.rois ?? ROIS_DIR);
const imagesDir = String(args.images ?? THUMBS_DIR);
if (!existsSync(roisDir) || !existsSync(imagesDir)) throw new Error(`No data: ${roisDir} and ${imagesDir} are needed (see ../shared/data/README.md).`);
const backend = await initTrainingRuntime((args.backend as string) ?? 'wasm');
const dir = String(args.model);
const model = await loadLocaliserFolder(dir);
const splitPath = String(args.split ?? join(dir, 'split.json'));
const held = new Set<string>(JSON.parse(readFileSync(splitPath, 'utf8')).heldOut);
const hands: Array<{ id: string; pred: SlotBox[]; gt: SlotBox[] }> = [];
for (const hand of readAnnotations(roisDir).filter((h) => held.has(h.id))) {
  const gt = canonicalOrder(hand.boxes);
  const bytes = new Uint8Array(readFileSync(join(imagesDir, `${hand.id}.png`)));
  const img = await decodeImage(bytes, `${hand.id}.png`);
  // The thumbnail is the radiograph squashed to 100×100: its frame scales onto the annotation frame per axis.
  const [sx, sy] = [hand.width / img.width, hand.height / img.height];
  const pred = (await model.locate(img)).map((b) => ({ ...b, x0: b.x0 * sx, x1: b.x1 * sx, y0: b.y0 * sy, y1: b.y1 * sy }));
  hands.push({ id: hand.id, pred, gt });
}
if (hands.length === 0) throw new Error(`None of the held-out ids of ${splitPath} has an annotation in ${roisDir}.`);
const figures = localiserFigures(hands);
if (args.hands) for (const h of hands) console.log(JSON.stringify({ id: h.id, ...localiserFigures([h]).centre_error_pct }));
console.log(JSON.stringify({ model: model.card.name, backend, split: splitPath, ...figures }));
