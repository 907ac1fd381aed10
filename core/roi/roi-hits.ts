import type { Box, Point } from './region';

/** A labelled region in the same pixel frame as the projections (e.g. a Tanner–Whitehouse box). */
export interface LabelledRegion extends Box {
  label: string;
}

export interface RoiHit {
  /** The region's label, or null when the projection is in none of them. */
  label: string | null;
  /** Index into `regions`, or -1. */
  region: number;
  /** Share of the projection's box inside that region (0..1). */
  overlap: number;
  /** How it was decided: the region holds the peak, or (peak outside all) it overlaps the box most. */
  by: 'peak' | 'overlap' | null;
}

export function boxArea(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

export function intersectionArea(a: Box, b: Box): number {
  return boxArea({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
}

export function contains(b: Box, p: Point): boolean {
  return p.x >= b.x0 && p.x < b.x1 && p.y >= b.y0 && p.y < b.y1;
}

/**
 * Which region each projection falls in. The peak decides first: the activation responded most to
 * the structure under it. Among regions holding the peak (boxes may nest or touch) the one covering
 * most of the projection's box wins, then the smaller region. When no region holds the peak, the
 * region covering most of the box wins, if any covers part of it; otherwise the projection is in none.
 */
export function roiHits(projections: Array<{ peak: Point; box: Box }>, regions: LabelledRegion[]): RoiHit[] {
  return projections.map(({ peak, box }) => {
    const area = boxArea(box);
    const share = (r: LabelledRegion) => (area > 0 ? intersectionArea(box, r) / area : contains(r, peak) ? 1 : 0);
    const better = (i: number, j: number) => share(regions[i]) - share(regions[j]) || boxArea(regions[j]) - boxArea(regions[i]);
    const holding = regions.map((_, i) => i).filter((i) => contains(regions[i], peak));
    if (holding.length) {
      const i = holding.reduce((a, b) => (better(b, a) > 0 ? b : a));
      return { label: regions[i].label, region: i, overlap: share(regions[i]), by: 'peak' };
    }
    let bestI = -1;
    for (let i = 0; i < regions.length; i++) if (share(regions[i]) > 0 && (bestI < 0 || better(i, bestI) > 0)) bestI = i;
    if (bestI < 0) return { label: null, region: -1, overlap: 0, by: null };
    return { label: regions[bestI].label, region: bestI, overlap: share(regions[bestI]), by: 'overlap' };
  });
}
