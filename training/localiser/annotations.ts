import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROI_LABELS, type RoiBox, type RoiLabel } from '../../core/localiser/types';

export interface AnnotatedHand {
  id: string;
  /** The frame the boxes were drawn in (the original radiograph's size). */
  width: number;
  height: number;
  boxes: RoiBox[];
}

const tag = (xml: string, name: string): string | null => {
  const m = new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml);
  return m ? m[1] : null;
};

/** One Pascal VOC annotation file (as Koitka et al. publish them) → its frame and boxes. Throws with the
 *  file's name on anything unexpected: an unknown label, a box outside order, a missing size. */
export function parseVoc(xml: string, where: string): Omit<AnnotatedHand, 'id'> {
  const size = /<size>([\s\S]*?)<\/size>/.exec(xml)?.[1];
  const width = Number(size && tag(size, 'width'));
  const height = Number(size && tag(size, 'height'));
  if (!(width > 0) || !(height > 0)) throw new Error(`${where}: no valid <size>.`);
  const boxes: RoiBox[] = [];
  for (const m of xml.matchAll(/<object>([\s\S]*?)<\/object>/g)) {
    const label = tag(m[1], 'name');
    if (!label || !(ROI_LABELS as readonly string[]).includes(label)) throw new Error(`${where}: unknown label "${label}".`);
    const bb = /<bndbox>([\s\S]*?)<\/bndbox>/.exec(m[1])?.[1] ?? '';
    const [x0, y0, x1, y1] = ['xmin', 'ymin', 'xmax', 'ymax'].map((k) => Number(tag(bb, k)));
    if (![x0, y0, x1, y1].every(Number.isFinite) || x1 <= x0 || y1 <= y0) throw new Error(`${where}: bad box for ${label}.`);
    boxes.push({ label: label as RoiLabel, x0, y0, x1, y1, score: 1 });
  }
  return { width, height, boxes };
}

/** Every `<dir>/<id>.xml`, sorted by id. */
export function readAnnotations(dir: string): AnnotatedHand[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.xml$/, ''), ...parseVoc(readFileSync(join(dir, f), 'utf8'), f) }));
}
