import type { AgeMap, OutputSpec } from './types';

/** Raw network outputs → months, per the model card's output specification. */
export function rawToMonths(raw: Float32Array, spec: OutputSpec): Float32Array {
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i] * spec.scale + spec.offset;
  return out;
}

/** The estimate is the plain mean of the map's cells (BoNet's fully-convolutional reading). */
export function mapMean(map: AgeMap): number {
  if (map.months.length === 0) throw new Error('Empty age map.');
  let s = 0;
  for (let i = 0; i < map.months.length; i++) s += map.months[i];
  return s / map.months.length;
}

/** Output side of a valid conv stack: how many map cells an input side gives. */
export function mapSideFor(inputSide: number, layers: Array<{ kernel: number; stride: number; pool: boolean }>, headKernel: number): number {
  let s = inputSide;
  for (const l of layers) {
    s = Math.ceil(s / l.stride); // 'same' padding
    if (l.pool) s = Math.floor(s / 2);
  }
  return s - headKernel + 1;
}
