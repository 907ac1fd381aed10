import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asFloatImage } from '../../core/pipeline/as-float-image';
import { decodeImageSync } from '../../core/pipeline/decode';
import { resampleNearest } from '../../core/pipeline/resample-nearest';
import type { GrayImage } from '../../core/pipeline/types';

/** Where the real radiographs are (../shared/data relative to the repository root), or null. */
export function sharedDataDir(root = process.cwd()): string | null {
  const dir = join(root, '..', 'shared', 'data');
  return existsSync(join(dir, 'rsna-bone-age', 'boneage-training-dataset.csv')) ? dir : null;
}

/** The ids of the age model's split (its `train` and `validation` lists). */
export function readSplit(path: string): { train: string[]; validation: string[] } {
  const s = JSON.parse(readFileSync(path, 'utf8'));
  return { train: s.train.map(String), validation: s.validation.map(String) };
}

/** A real radiograph decoded by the page's own decoder (kept in memory only). */
export function readRadiograph(path: string): GrayImage {
  return asFloatImage(decodeImageSync(new Uint8Array(readFileSync(path)), path));
}

/** Thumbnails as 100×100 8-bit planes, in memory only. */
export function readThumbnails(imagesDir: string, ids: string[]): Uint8Array[] {
  return ids.map((id) => {
    const img = resampleNearest(readRadiograph(join(imagesDir, `${id}.png`)), 100, 100);
    return Uint8Array.from(img.data, (v) => Math.min(255, Math.max(0, Math.round(v))));
  });
}
