import type { Box, Point } from '../../core/roi/region';
import { contains } from '../../core/roi/roi-hits';
import type { VocAnnotation } from '../data/voc';

/** The annotation's regions by label, scaled to a width × height frame (×width/frame width, ×height/frame height). */
export function regionsByLabel(a: VocAnnotation, width: number, height: number): Map<string, Box[]> {
  const sx = width / a.width;
  const sy = height / a.height;
  const out = new Map<string, Box[]>();
  for (const o of a.objects) {
    if (!out.has(o.label)) out.set(o.label, []);
    out.get(o.label)!.push({ x0: o.xmin * sx, y0: o.ymin * sy, x1: o.xmax * sx, y1: o.ymax * sy });
  }
  return out;
}

export const inAny = (boxes: Box[], p: Point) => boxes.some((b) => contains(b, p));

/** Share of the frame's pixel centres inside any of the boxes: the chance that a peak placed at
 *  a uniformly random pixel lands in the region (peaks are pixel centres too). */
export function areaShare(boxes: Box[], width: number, height: number): number {
  let n = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inAny(boxes, { x: x + 0.5, y: y + 0.5 })) n++;
  return n / (width * height);
}

export interface AgeBand {
  name: string;
  /** [fromYears, toYears): bone age in years. */
  from: number;
  to: number;
}

export const AGE_BANDS: AgeBand[] = [
  { name: '0–6 y', from: 0, to: 6 },
  { name: '6–10 y', from: 6, to: 10 },
  { name: '10–14 y', from: 10, to: 14 },
  { name: '14–19 y', from: 14, to: Infinity },
];

export function bandOf(months: number, bands: AgeBand[] = AGE_BANDS): number {
  const years = months / 12;
  const i = bands.findIndex((b) => years >= b.from && years < b.to);
  if (i < 0) throw new Error(`No age band holds ${months} months.`);
  return i;
}

/** Counts, per layer × label × group (age band, or "all"): peaks inside the region, peaks seen, and the summed chance. */
export class RoiTally {
  private readonly hits = new Map<string, number>();
  private readonly peaks = new Map<string, number>();
  private readonly chance = new Map<string, number>();
  private readonly hands = new Map<string, number>();

  private add(map: Map<string, number>, key: string, v: number) {
    map.set(key, (map.get(key) ?? 0) + v);
  }

  /** One hand: its regions (by label), its group, and the peaks of each layer's top projections. */
  addHand(group: string, regions: Map<string, Box[]>, labels: string[], peaksByLayer: Map<string, Point[]>, frame: { width: number; height: number }): void {
    for (const g of [group, 'all']) {
      this.add(this.hands, g, 1);
      for (const label of labels) this.add(this.chance, `${label}|${g}`, areaShare(regions.get(label) ?? [], frame.width, frame.height));
      for (const [layer, peaks] of peaksByLayer) {
        this.add(this.peaks, `${layer}|${g}`, peaks.length);
        for (const label of labels) this.add(this.hits, `${layer}|${label}|${g}`, peaks.filter((p) => inAny(regions.get(label) ?? [], p)).length);
      }
    }
  }

  handCount(group: string): number {
    return this.hands.get(group) ?? 0;
  }

  /** Share of the layer's peaks inside the region, mean chance (area share) of the region, and their ratio. */
  cell(layer: string, label: string, group: string): { hitRate: number; chance: number; lift: number; peaks: number } {
    const peaks = this.peaks.get(`${layer}|${group}`) ?? 0;
    const hands = this.hands.get(group) ?? 0;
    const hitRate = peaks ? (this.hits.get(`${layer}|${label}|${group}`) ?? 0) / peaks : NaN;
    const chance = hands ? (this.chance.get(`${label}|${group}`) ?? 0) / hands : NaN;
    return { hitRate, chance, lift: chance > 0 ? hitRate / chance : NaN, peaks };
  }
}

/**
 * One-pixel boxes over the plane's brightest `fraction` of pixels (ties at the cut included), grown by
 * `grow` pixels each way. Burned-in labels and laterality markers are drawn at full white, above any bone,
 * so this is where they are — a proxy (no annotation marks them), reported as such.
 */
export function brightestBoxes(plane: { width: number; height: number; data: Float32Array }, fraction: number, grow = 1): Box[] {
  const { width, height, data } = plane;
  const sorted = Float32Array.from(data).sort();
  const keep = Math.min(sorted.length, Math.max(1, Math.ceil(sorted.length * fraction - 1e-9)));
  const cut = sorted[sorted.length - keep];
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] < cut) continue;
      for (let dy = -grow; dy <= grow; dy++)
        for (let dx = -grow; dx <= grow; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < height && xx < width) mask[yy * width + xx] = 1;
        }
    }
  const boxes: Box[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) boxes.push({ x0: i % width, y0: Math.floor(i / width), x1: (i % width) + 1, y1: Math.floor(i / width) + 1 });
  return boxes;
}
