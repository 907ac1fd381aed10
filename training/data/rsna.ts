import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImageSync } from '../../core/pipeline/decode';
import { ProgressBar } from '../progress';
import { preprocess } from '../../core/pipeline/preprocess';
import type { GrayImage, InputSpec } from '../../core/pipeline/types';

export interface LabelledCase {
  id: string;
  boneAgeMonths: number;
  male: boolean;
}

/** Reads an RSNA-style CSV: `id,boneage,male` (header required; extra columns ignored). */
export function readLabels(csvPath: string): LabelledCase[] {
  const lines = readFileSync(csvPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${csvPath}: no "${name}" column (expected id,boneage,male).`);
    return i;
  };
  const [ci, cb, cm] = [col('id'), col('boneage'), col('male')];
  return lines.slice(1).map((line, k) => {
    const f = line.split(',').map((s) => s.trim());
    const age = Number(f[cb]);
    if (!f[ci] || !Number.isFinite(age)) throw new Error(`${csvPath}:${k + 2}: bad row "${line}".`);
    return { id: f[ci], boneAgeMonths: age, male: /^(true|1|m|male)$/i.test(f[cm]) };
  });
}

/** Reads `<dir>/<id>.png` and runs it through the page's own pipeline (decode → preprocess). */
export function loadPlane(imagesDir: string, id: string, spec: InputSpec): GrayImage {
  const bytes = new Uint8Array(readFileSync(join(imagesDir, `${id}.png`)));
  return preprocess(decodeImageSync(bytes, `${id}.png`), spec);
}

/** Planes stored back to back in one Float32Array, with their labels in months. */
export interface PlaneSet {
  x: Float32Array;
  months: number[];
  /** The child's sex per plane (the CSV's `male`). */
  male: boolean[];
}

/** Loads cases through loadPlane into one PlaneSet, with a progress bar on the console. `shared`: the planes in a
 *  SharedArrayBuffer, so that worker threads read them in place instead of holding copies. */
export function loadPlaneSet(imagesDir: string, cases: LabelledCase[], spec: InputSpec, label: string, shared = false): PlaneSet {
  const plane = spec.width * spec.height;
  const x = new Float32Array(shared ? new SharedArrayBuffer(cases.length * plane * 4) : new ArrayBuffer(cases.length * plane * 4));
  const bar = new ProgressBar(label, cases.length);
  cases.forEach((c, i) => {
    x.set(loadPlane(imagesDir, c.id, spec).data, i * plane);
    if (i % 500 === 0) bar.update(i, '');
  });
  bar.done('');
  return { x, months: cases.map((c) => c.boneAgeMonths), male: cases.map((c) => c.male) };
}
