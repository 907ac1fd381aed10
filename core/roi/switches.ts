/** Shape of one image's activation, channels last: [height, width, channels]. */
export type Hwc = [number, number, number];

/**
 * Max-pool switches of a 2×2, stride-2, valid pool: for every pooled cell (row-major, channels last),
 * the flat index into `act` of the window's maximum. Ties go to the first in row-major order,
 * as tf.maxPool's gradient does. Odd trailing rows/columns are dropped by the pool, as in the forward pass.
 */
export function poolSwitches(act: Float32Array, [h, w, c]: Hwc): Int32Array {
  const ph = Math.floor(h / 2);
  const pw = Math.floor(w / 2);
  const out = new Int32Array(ph * pw * c);
  for (let py = 0; py < ph; py++)
    for (let px = 0; px < pw; px++)
      for (let ch = 0; ch < c; ch++) {
        let best = -Infinity;
        let at = -1;
        for (let dy = 0; dy < 2; dy++)
          for (let dx = 0; dx < 2; dx++) {
            const i = ((2 * py + dy) * w + (2 * px + dx)) * c + ch;
            if (act[i] > best) {
              best = act[i];
              at = i;
            }
          }
        out[(py * pw + px) * c + ch] = at;
      }
  return out;
}

/** 1 at each switch position, 0 elsewhere: unpooling is nearest upsampling times this mask. */
export function switchMask(switches: Int32Array, [h, w, c]: Hwc): Float32Array {
  const mask = new Float32Array(h * w * c);
  for (const i of switches) mask[i] = 1;
  return mask;
}

export interface MapPick {
  /** Feature map (channel) index. */
  map: number;
  /** Its strongest activation. */
  value: number;
  /** Where that activation is, in the layer's grid. */
  row: number;
  col: number;
}

/**
 * The k feature maps with the largest maximum activation, strongest first, each with the position
 * of that maximum (first in row-major order on ties). Maps that never fire (max ≤ 0) are left out:
 * there is nothing to project.
 */
export function topMaps(act: Float32Array, [h, w, c]: Hwc, k: number): MapPick[] {
  const best = new Float32Array(c).fill(-Infinity);
  const at = new Int32Array(c);
  for (let p = 0; p < h * w; p++)
    for (let ch = 0; ch < c; ch++) {
      const v = act[p * c + ch];
      if (v > best[ch]) {
        best[ch] = v;
        at[ch] = p;
      }
    }
  const picks: MapPick[] = [];
  for (let ch = 0; ch < c; ch++) if (best[ch] > 0) picks.push({ map: ch, value: best[ch], row: Math.floor(at[ch] / w), col: at[ch] % w });
  picks.sort((a, b) => b.value - a.value || a.map - b.map);
  return picks.slice(0, Math.max(0, Math.floor(k)));
}
