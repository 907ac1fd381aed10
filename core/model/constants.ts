import type { InputSpec } from '../pipeline/types';
import type { BoNetConfig } from './types';

/** The input the RSNA thumbnails give: 100×100, squashed with Pillow's nearest sampling. */
export const THUMBNAIL_INPUT: InputSpec = {
  width: 100,
  height: 100,
  channels: 1,
  resample: 'nearest-floor-center',
  normalise: 'per-image-zscore',
};

/** Default trunk for 100×100 — the shipped model's (bonet-rsna100 v2–v4; reports/architecture-pilot.md):
 *  5×5 at full resolution → pool → 3×3 → pool → 5×5 → pool → 3×3 → 3×3, then a 3×3 "fc" conv and a 1×1.
 *  100 → 50 → 25 → 12 → 12 → 12 → 10: a 10×10 age map. A phalanx is 2–3 px wide at 100 px, so the
 *  first layer keeps full resolution (v1's 7×7/2 + pool lost 4.4 months in the pilot). */
export const DEFAULT_BONET: BoNetConfig = {
  convLayers: [
    { filters: 16, kernel: 5, stride: 1, pool: true },
    { filters: 32, kernel: 3, stride: 1, pool: true },
    { filters: 64, kernel: 5, stride: 1, pool: true },
    { filters: 128, kernel: 3, stride: 1, pool: false },
    { filters: 128, kernel: 3, stride: 1, pool: false },
  ],
  deformAfter: null,
  batchNorm: true,
  head: { filters: 256, kernel: 3, dropout: 0.2 },
};
