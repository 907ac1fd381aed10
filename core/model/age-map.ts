import type { AgeMap, Estimate, ModelSex, OutputSpec } from './types';

/** Raw network outputs → months, per the model card's output specification. */
export function rawToMonths(raw: Float32Array, spec: OutputSpec): Float32Array {
  const out = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i] * spec.scale + spec.offset;
  return out;
}

/** The estimate: the mean of the map's cells (BoNet's fully-convolutional reading), weighted by the
 *  cells' learned weights when the map has them. */
export function mapMean(map: AgeMap): number {
  if (map.months.length === 0) throw new Error('Empty age map.');
  let s = 0;
  if (map.weights) {
    for (let i = 0; i < map.months.length; i++) s += map.weights[i] * map.months[i];
    return s;
  }
  for (let i = 0; i < map.months.length; i++) s += map.months[i];
  return s / map.months.length;
}

/** Softmax of one image's cell logits: the weights of OutputSpec.reduce 'weighted'. Pure. */
export function cellWeightsFromLogits(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const w = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += w[i] = Math.exp(logits[i] - max);
  for (let i = 0; i < w.length; i++) w[i] /= sum;
  return w;
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

/** Channel-interleaved [cells × channels] values → one array per channel. */
export function splitChannels(values: Float32Array, channels: number): Float32Array[] {
  if (channels === 1) return [values];
  const cells = values.length / channels;
  return Array.from({ length: channels }, (_, c) => {
    const out = new Float32Array(cells);
    for (let i = 0; i < cells; i++) out[i] = values[i * channels + c];
    return out;
  });
}

/** An estimate re-read for a given sex: its own channel when known, the cell-wise mean of both
 *  when not. Estimates without sex channels come back unchanged. */
export function readingForSex(e: Estimate, sex: ModelSex): Estimate {
  if (!e.bySex) return e;
  if (sex) return { ...e, ...e.bySex[sex], sexUsed: sex };
  const { male, female } = e.bySex;
  const months = new Float32Array(male.map.months.length);
  for (let i = 0; i < months.length; i++) months[i] = (male.map.months[i] + female.map.months[i]) / 2;
  const map = { rows: male.map.rows, cols: male.map.cols, months, ...(male.map.weights ? { weights: male.map.weights } : {}) };
  return { ...e, boneAgeMonths: mapMean(map), map, sexUsed: 'average' };
}
