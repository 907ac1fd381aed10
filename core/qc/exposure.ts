import type { DecodedImage, SampledImage } from '../pipeline/types';
import type { QcFlag } from './types';

/** Thresholds of the intensity checks, as fractions of the image's full scale. Set from the 9,756
 *  RSNA thumbnails of the age model's training split, beyond their extremes: their 99th percentile is
 *  never below 0.118 (some sources are dim but perfectly readable), their 5th never above 0.62, their
 *  clipped share never above 0.22, their spread never below 0.02. */
export const EXPOSURE_LIMITS = {
  /** Blank: the standard deviation below this fraction of full scale (1.5 levels of 255). */
  blankStd: 0.006,
  /** Too dark: the brightest 1% of pixels (99th percentile) below this. */
  darkP99: 0.1,
  /** Burnt out (washed out towards white): even the darkest 5% of pixels above this. */
  burntP5: 0.7,
  /** Burnt out (clipped): this fraction of pixels or more at the top of the scale. */
  clippedFraction: 0.4,
};

export interface ExposureStats {
  std: number;
  p1: number;
  p5: number;
  p50: number;
  p99: number;
  /** Fraction of pixels at or above 99% of full scale. */
  clipped: number;
}

/** The value range that counts as "full scale": the bit depth's for PNG/JPEG (and 8-bit DICOM), the
 *  stated display window for deeper DICOM (its raw range says nothing about exposure). */
export function fullScaleOf(img: DecodedImage): { lo: number; hi: number } {
  if (img.format === 'dicom' && img.bitDepth > 8) {
    const { center, width } = img.window;
    return { lo: center - width / 2, hi: center + width / 2 };
  }
  return { lo: 0, hi: 2 ** img.bitDepth - 1 };
}

/** Percentiles and spread of an image scaled to its full scale (0 = black, 1 = white), from a 1024-bin histogram. */
export function exposureStats(img: SampledImage, scale: { lo: number; hi: number }): ExposureStats {
  const bins = 1024;
  const hist = new Float64Array(bins);
  const span = scale.hi - scale.lo || 1;
  let sum = 0, sq = 0, clipped = 0;
  const n = img.data.length;
  for (let i = 0; i < n; i++) {
    const v = Math.min(1, Math.max(0, (img.data[i] - scale.lo) / span));
    sum += v;
    sq += v * v;
    if (v >= 0.99) clipped++;
    hist[Math.min(bins - 1, Math.floor(v * bins))]++;
  }
  const mean = sum / n;
  const pct = (p: number) => {
    const target = p * n;
    let acc = 0;
    for (let b = 0; b < bins; b++) {
      acc += hist[b];
      if (acc >= target) return (b + 0.5) / bins;
    }
    return 1;
  };
  return { std: Math.sqrt(Math.max(0, sq / n - mean * mean)), p1: pct(0.01), p5: pct(0.05), p50: pct(0.5), p99: pct(0.99), clipped: clipped / n };
}

const pc = (v: number) => `${Math.round(v * 100)}%`;

/** Blank, too dark, burnt out: rules on the intensity histogram. A blank image gets only its own flag. */
export function exposureFlags(s: ExposureStats, limits = EXPOSURE_LIMITS): QcFlag[] {
  if (s.std < limits.blankStd) {
    return [{ code: 'not-hand', score: s.std, message: `The image is blank: almost uniform (spread ${pc(s.std)} of full scale), not a hand radiograph.` }];
  }
  const flags: QcFlag[] = [];
  if (s.p99 < limits.darkP99) {
    flags.push({ code: 'too-dark', score: s.p99, message: `The image is too dark: even its brightest pixels reach only ${pc(s.p99)} of full scale (underexposed or wrongly windowed).` });
  }
  if (s.p5 > limits.burntP5) {
    flags.push({ code: 'burnt-out', score: s.p5, message: `The image is washed out: even its darkest pixels are at ${pc(s.p5)} of full scale, so bone and soft tissue barely differ.` });
  } else if (s.clipped >= limits.clippedFraction) {
    flags.push({ code: 'burnt-out', score: s.clipped, message: `The image is burnt out: ${pc(s.clipped)} of it is clipped at full white, where no detail survives.` });
  }
  return flags;
}
