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

/** Default trunk for 100×100: 7×7/2 → pool → 5×5 → pool → 3×3 → 3×3, then a 3×3 "fc" conv and a 1×1.
 *  100 → 50 → 25 → 25 → 12 → 12 → 12 → 10: a 10×10 age map, each cell seeing ~75 px.
 *  The stride-2 first layer keeps the 5×5 layer at 25×25, which is what makes CPU training affordable. */
export const DEFAULT_BONET: BoNetConfig = {
  convLayers: [
    { filters: 32, kernel: 7, stride: 2, pool: true },
    { filters: 64, kernel: 5, stride: 1, pool: true },
    { filters: 128, kernel: 3, stride: 1, pool: false },
    { filters: 128, kernel: 3, stride: 1, pool: false },
  ],
  deformAfter: null,
  batchNorm: true,
  head: { filters: 256, kernel: 3, dropout: 0.2 },
};
