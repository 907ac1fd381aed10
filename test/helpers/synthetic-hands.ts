import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePng } from './make-png';

/** A grayscale "hand-like" test image: a dark background with bright bars whose length grows with
 *  `age` (0–1). Made by the tests, so tests never need the real radiographs. */
export function syntheticHand(width: number, height: number, age: number, seed = 1): Uint8Array {
  const data = new Uint8Array(width * height);
  let s = seed;
  const noise = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) / 32;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const finger = Math.floor((x / width) * 5);
      const inBar = (x / width) * 5 - finger > 0.3 && (x / width) * 5 - finger < 0.7;
      const top = height * (0.8 - 0.6 * age) + finger * height * 0.03;
      const bone = inBar && y > top && y < height * 0.95;
      data[y * width + x] = Math.min(255, (bone ? 170 + 60 * age : 25) + noise());
    }
  }
  return makePng({ width, height, data, channels: 1 });
}

/** Writes an RSNA-layout folder (`boneage-training-dataset.csv` + `boneage-training-dataset/<id>.png`). */
/** Every third image is 160×210 rather than 100×100, so the pipeline's resampling is exercised. */
export function writeSyntheticRsna(dir: string, n: number): { csv: string; images: string } {
  const images = join(dir, 'boneage-training-dataset');
  mkdirSync(images, { recursive: true });
  const rows = ['id,boneage,male'];
  for (let i = 0; i < n; i++) {
    const months = 12 + ((i * 53) % 205);
    const id = String(5000 + i);
    writeFileSync(join(images, `${id}.png`), i % 3 === 2 ? syntheticHand(160, 210, months / 228, i + 1) : syntheticHand(100, 100, months / 228, i + 1));
    rows.push(`${id},${months},${i % 2 ? 'True' : 'False'}`);
  }
  const csv = join(dir, 'boneage-training-dataset.csv');
  writeFileSync(csv, rows.join('\n') + '\n');
  return { csv, images };
}
