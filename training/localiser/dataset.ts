import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalOrder } from '../../core/localiser/canonical';
import { encodeTargets } from '../../core/localiser/decode';
import { decodeImageSync } from '../../core/pipeline/decode';
import { resampleNearest } from '../../core/pipeline/resample-nearest';
import type { InputSpec } from '../../core/pipeline/types';
import { mulberry32, shuffleInPlace } from '../data/split';
import { readAnnotations, type AnnotatedHand } from './annotations';

export const ROIS_DIR = '../shared/data/rsna-ossification-rois/annotations';
export const THUMBS_DIR = '../shared/data/rsna-bone-age/boneage-training-dataset';

/** One hand ready for training: the raw resampled plane (not z-scored, so augmentation can act first) and
 *  its 17 canonical boxes as [cx, cy, w, h] fractions; `hand` keeps the annotation frame for evaluation. */
export interface LocaliserCase {
  id: string;
  raw: Float32Array;
  targets: Float32Array;
  hand: AnnotatedHand;
}

/** Reads every annotated hand that has all 17 boxes and a thumbnail; says which were left out and why. */
export function loadLocaliserCases(roisDir: string, imagesDir: string, spec: InputSpec): { cases: LocaliserCase[]; skipped: Array<{ id: string; why: string }> } {
  const cases: LocaliserCase[] = [];
  const skipped: Array<{ id: string; why: string }> = [];
  for (const hand of readAnnotations(roisDir)) {
    const file = join(imagesDir, `${hand.id}.png`);
    if (!existsSync(file)) {
      skipped.push({ id: hand.id, why: 'no thumbnail' });
      continue;
    }
    let ordered;
    try {
      ordered = canonicalOrder(hand.boxes);
    } catch (e) {
      skipped.push({ id: hand.id, why: (e as Error).message });
      continue;
    }
    const img = decodeImageSync(new Uint8Array(readFileSync(file)), `${hand.id}.png`);
    const raw = resampleNearest(img, spec.width, spec.height).data;
    cases.push({ id: hand.id, raw, targets: encodeTargets(ordered, hand.width, hand.height), hand: { ...hand, boxes: ordered } });
  }
  return { cases, skipped };
}

/** A fixed held-out set: ids sorted, shuffled with `seed`, the first `heldOut` are held out. */
export function heldOutSplit(ids: string[], seed: number, heldOut: number): { train: string[]; heldOut: string[] } {
  const order = shuffleInPlace(ids.slice().sort(), mulberry32(seed));
  return { heldOut: order.slice(0, heldOut).sort(), train: order.slice(heldOut).sort() };
}
