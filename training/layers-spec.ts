import type { BoNetConfig } from '../core/model/types';

/**
 * `--layers` text → trunk layers: comma-separated `<filters>x<kernel>[/<stride>][p]`, `p` = 2×2 max-pool
 * after the layer. The default trunk reads "16x5p,32x3p,64x5p,128x3,128x3"; v1's was "32x7/2p,64x5p,128x3,128x3".
 */
export function parseLayers(text: string): BoNetConfig['convLayers'] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)x(\d+)(?:\/(\d+))?(p?)\s*$/.exec(part);
    if (!m) throw new Error(`--layers: "${part}" is not <filters>x<kernel>[/<stride>][p], e.g. 64x5p or 32x7/2p.`);
    const [filters, kernel, stride] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
    if (filters < 1 || kernel < 1 || stride < 1) throw new Error(`--layers: "${part}" needs positive numbers.`);
    return { filters, kernel, stride, pool: m[4] === 'p' };
  });
}

/** The inverse of parseLayers, for logs and reports. */
export function formatLayers(layers: BoNetConfig['convLayers']): string {
  return layers.map((l) => `${l.filters}x${l.kernel}${l.stride > 1 ? `/${l.stride}` : ''}${l.pool ? 'p' : ''}`).join(',');
}
