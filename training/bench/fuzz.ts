/**
 * Fuzzes the DICOM and PNG decoders (and, with two seeds, JPEG): seeded mutations (bit flips, byte inserts and deletes,
 * truncation, corrupted length fields, spliced chunks, PNG sizes far beyond the data) of valid files, each decoded by
 * decodeImage in a worker thread with a per-file time cap.
 *   npm run --silent bench:fuzz [-- --files 12000 --seed 1 --cap-ms 2000]
 * Prints counts (files, clean errors, decoded, uncaught/other, hangs, max ms); last line JSON.
 */
import { Worker } from 'node:worker_threads';
import { parseArgs } from '../cli-args';
import { mulberry32 } from '../data/split';
import { makeDicom, type MakeDicomOptions } from '../../test/helpers/make-dicom';
import { makePng, type PngSpec } from '../../test/helpers/make-png';
import { crc32, makeRgbPhotoJpeg } from '../../test/helpers/bad-inputs';
import { encode as jpegEncode } from 'jpeg-js';
import type { FuzzJob, FuzzOutcome } from './fuzz-worker';

const args = parseArgs(process.argv.slice(2), { files: 'number', seed: 'number', 'cap-ms': 'number' });
const FILES = Number(args.files ?? 12_000);
const SEED = Number(args.seed ?? 1);
const CAP_MS = Number(args['cap-ms'] ?? 2000);

type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);

// ---- seed files --------------------------------------------------------------------------------

interface SeedFile {
  name: string;
  kind: 'dicom' | 'png' | 'jpeg';
  bytes: Uint8Array;
  /** Offsets of length fields (DICOM element lengths, PNG chunk lengths) for targeted corruption. */
  lengthFields: Array<{ at: number; size: 2 | 4; littleEndian: boolean }>;
}

const ramp = (n: number, scale = 1) => Array.from({ length: n }, (_, i) => (i * scale) & 0xffff);
const patient = [
  { tag: 0x00100010, vr: 'PN', value: 'Fuzz^Patient' },
  { tag: 0x00100020, vr: 'LO', value: 'ID-0001' },
  { tag: 0x00100030, vr: 'DA', value: '20150310' },
  { tag: 0x00080020, vr: 'DA', value: '20250309' },
];

function dicomSeeds(): Array<{ name: string; options: MakeDicomOptions }> {
  const px = 48 * 40;
  return [
    { name: 'explicit-le-12bit', options: { syntax: 'explicit-le', rows: 48, columns: 40, bitsStored: 12, pixels: ramp(px, 3), elements: [...patient, { tag: 0x00281050, vr: 'DS', value: '2048' }, { tag: 0x00281051, vr: 'DS', value: '4096' }] } },
    { name: 'implicit-le-16bit', options: { syntax: 'implicit-le', rows: 40, columns: 48, pixels: ramp(px, 37), elements: patient } },
    { name: 'explicit-be-16bit', options: { syntax: 'explicit-be', rows: 40, columns: 48, pixels: ramp(px, 11), elements: patient } },
    { name: 'explicit-le-8bit', options: { syntax: 'explicit-le', rows: 40, columns: 48, bitsAllocated: 8, pixels: ramp(px), elements: patient } },
    { name: 'mono1-rescale', options: { syntax: 'explicit-le', rows: 40, columns: 48, bitsStored: 12, photometric: 'MONOCHROME1', pixels: ramp(px, 2), elements: [{ tag: 0x00281052, vr: 'DS', value: '-1024' }, { tag: 0x00281053, vr: 'DS', value: '2' }] } },
    { name: 'signed-16bit', options: { syntax: 'explicit-le', rows: 40, columns: 48, pixelRepresentation: 1, pixels: ramp(px, 123) } },
    { name: 'rgb-planar', options: { syntax: 'explicit-le', rows: 24, columns: 20, bitsAllocated: 8, samplesPerPixel: 3, photometric: 'RGB', planarConfiguration: 1, pixels: ramp(24 * 20 * 3, 7) } },
    { name: 'multiframe', options: { syntax: 'explicit-le', rows: 24, columns: 20, frames: 3, pixels: ramp(24 * 20 * 3, 5) } },
    { name: 'bare-implicit', options: { syntax: 'implicit-le', part10: false, rows: 24, columns: 20, pixels: ramp(24 * 20, 9), elements: patient } },
    { name: 'bare-explicit', options: { syntax: 'explicit-le', part10: false, rows: 24, columns: 20, pixels: ramp(24 * 20, 9) } },
  ];
}

/** Offsets of every element length in a DICOM file we wrote (walks the same layout makeDicom writes). */
function dicomLengthFields(bytes: Uint8Array, syntax: string, part10: boolean): SeedFile['lengthFields'] {
  const out: SeedFile['lengthFields'] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const long = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
  const walk = (from: number, to: number, explicit: boolean, le: boolean) => {
    let at = from;
    while (at + 8 <= to) {
      let length: number;
      let headerEnd: number;
      if (!explicit) {
        out.push({ at: at + 4, size: 4, littleEndian: le });
        length = view.getUint32(at + 4, le);
        headerEnd = at + 8;
      } else {
        const vr = String.fromCharCode(bytes[at + 4], bytes[at + 5]);
        if (long.has(vr)) {
          out.push({ at: at + 8, size: 4, littleEndian: le });
          length = view.getUint32(at + 8, le);
          headerEnd = at + 12;
        } else {
          out.push({ at: at + 6, size: 2, littleEndian: le });
          length = view.getUint16(at + 6, le);
          headerEnd = at + 8;
        }
      }
      at = headerEnd + length;
    }
    return at;
  };
  let datasetStart = 0;
  if (part10) {
    const groupLength = view.getUint32(132 + 8, true);
    datasetStart = walk(132, 132 + 12 + groupLength, true, true);
  }
  walk(datasetStart, bytes.length, syntax !== 'implicit-le', syntax !== 'explicit-be');
  return out;
}

function pngSeeds(): Array<{ name: string; spec: PngSpec }> {
  const w = 40;
  const h = 32;
  const n = w * h;
  return [
    { name: 'gray8', spec: { width: w, height: h, channels: 1, data: ramp(n, 3).map((v) => v & 0xff) } },
    { name: 'gray16', spec: { width: w, height: h, channels: 1, depth: 16, data: ramp(n, 517) } },
    { name: 'rgb8', spec: { width: w, height: h, channels: 3, data: ramp(n * 3, 5).map((v) => v & 0xff) } },
    { name: 'rgba8', spec: { width: w, height: h, channels: 4, data: ramp(n * 4, 7).map((v) => v & 0xff) } },
    { name: 'gray-alpha16', spec: { width: w, height: h, channels: 2, depth: 16, data: ramp(n * 2, 301) } },
    { name: 'gray1', spec: { width: w, height: h, channels: 1, depth: 1, data: ramp(n).map((v) => v & 1) } },
    { name: 'gray4', spec: { width: w, height: h, channels: 1, depth: 4, data: ramp(n).map((v) => v & 15) } },
    { name: 'palette', spec: { width: w, height: h, channels: 1, data: ramp(n).map((v) => v % 4), palette: [[0, 0, 0], [80, 80, 80], [160, 20, 20], [255, 255, 255, 128]] } },
  ];
}

function pngLengthFields(bytes: Uint8Array): SeedFile['lengthFields'] {
  const out: SeedFile['lengthFields'] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length; at += 12 + view.getUint32(at)) out.push({ at, size: 4, littleEndian: false });
  return out;
}

/** Offsets of the JPEG marker segment lengths (up to the scan data). */
function jpegLengthFields(bytes: Uint8Array): SeedFile['lengthFields'] {
  const out: SeedFile['lengthFields'] = [];
  for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff; at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3])) {
    out.push({ at: at + 2, size: 2, littleEndian: false });
    if (bytes[at + 1] === 0xda) break;
  }
  return out;
}

function grayJpeg(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : ((i >> 2) * 7) & 0xff));
  return new Uint8Array(jpegEncode({ data: rgba as unknown as Buffer, width, height }, 80).data);
}

function seeds(): SeedFile[] {
  const dicoms = dicomSeeds().map(({ name, options }): SeedFile => {
    const bytes = makeDicom(options);
    return { name: `${name}.dcm`, kind: 'dicom', bytes, lengthFields: dicomLengthFields(bytes, options.syntax ?? 'explicit-le', options.part10 !== false) };
  });
  const pngs = pngSeeds().map(({ name, spec }): SeedFile => {
    const bytes = makePng(spec);
    return { name: `${name}.png`, kind: 'png', bytes, lengthFields: pngLengthFields(bytes) };
  });
  // JPEG is not a DICOM/PNG path, but the page reads it too: a few seeds for good measure.
  const jpegs = [
    { name: 'gray.jpg', bytes: grayJpeg(40, 32) },
    { name: 'photo.jpg', bytes: makeRgbPhotoJpeg(40, 32) },
  ].map(({ name, bytes }): SeedFile => ({ name, kind: 'jpeg', bytes, lengthFields: jpegLengthFields(bytes) }));
  return [...dicoms, ...pngs, ...jpegs];
}

// ---- mutations ---------------------------------------------------------------------------------

const INTERESTING_LENGTHS = [0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

const MUTATIONS = {
  bitflip(b: Uint8Array, rand: Rand): Uint8Array {
    const out = b.slice();
    for (let k = 1 + int(rand, 8); k > 0; k--) {
      const i = int(rand, out.length);
      out[i] ^= 1 << int(rand, 8);
    }
    return out;
  },
  insert(b: Uint8Array, rand: Rand): Uint8Array {
    const at = int(rand, b.length + 1);
    const n = 1 + int(rand, 16);
    const out = new Uint8Array(b.length + n);
    out.set(b.subarray(0, at));
    for (let i = 0; i < n; i++) out[at + i] = int(rand, 256);
    out.set(b.subarray(at), at + n);
    return out;
  },
  delete(b: Uint8Array, rand: Rand): Uint8Array {
    const at = int(rand, b.length);
    const n = Math.min(1 + int(rand, 16), b.length - at);
    const out = new Uint8Array(b.length - n);
    out.set(b.subarray(0, at));
    out.set(b.subarray(at + n), at);
    return out;
  },
  truncate(b: Uint8Array, rand: Rand): Uint8Array {
    return b.slice(0, int(rand, b.length));
  },
  overwrite(b: Uint8Array, rand: Rand): Uint8Array {
    const out = b.slice();
    const at = int(rand, out.length);
    const value = [0x00, 0xff, 0x7f, 0x80, 0xfe][int(rand, 5)];
    out.fill(value, at, at + 1 + int(rand, 8));
    return out;
  },
  /** Copies a random stretch of the file over another place (duplicated elements/chunks). */
  splice(b: Uint8Array, rand: Rand): Uint8Array {
    const from = int(rand, b.length);
    const n = 1 + int(rand, Math.min(512, b.length - from));
    const at = int(rand, b.length + 1);
    const out = new Uint8Array(b.length + n);
    out.set(b.subarray(0, at));
    out.set(b.subarray(from, from + n), at);
    out.set(b.subarray(at), at + n);
    return out;
  },
};

function corruptLength(seed: SeedFile, b: Uint8Array, rand: Rand): Uint8Array {
  const out = b.slice();
  const field = seed.lengthFields[int(rand, seed.lengthFields.length)];
  if (!field || field.at + field.size > out.length) return MUTATIONS.bitflip(b, rand);
  const view = new DataView(out.buffer);
  const old = field.size === 2 ? view.getUint16(field.at, field.littleEndian) : view.getUint32(field.at, field.littleEndian);
  const choices = [...INTERESTING_LENGTHS, old + 1, old - 1, old + 2, old * 2, Math.floor(old / 2), b.length, b.length - field.at, old + int(rand, 1000) - 500];
  const value = choices[int(rand, choices.length)] >>> 0;
  if (field.size === 2) view.setUint16(field.at, value & 0xffff, field.littleEndian);
  else view.setUint32(field.at, value, field.littleEndian);
  return out;
}

/** Rewrites every chunk CRC that can be found, so PNG mutants reach the decoder past the CRC check. */
function repairPngCrcs(b: Uint8Array): Uint8Array {
  const out = b.slice();
  const view = new DataView(out.buffer);
  for (let at = 8; at + 12 <= out.length; ) {
    const length = view.getUint32(at);
    if (at + 12 + length > out.length) break;
    view.setUint32(at + 8 + length, crc32(out.subarray(at + 4, at + 8 + length)));
    at += 12 + length;
  }
  return out;
}

function mutate(seed: SeedFile, rand: Rand): { bytes: Uint8Array; ops: string[] } {
  let bytes = seed.bytes;
  const ops: string[] = [];
  const names = Object.keys(MUTATIONS) as Array<keyof typeof MUTATIONS>;
  for (let k = 1 + int(rand, 3); k > 0; k--) {
    if (rand() < 0.3) {
      bytes = corruptLength(seed, bytes, rand);
      ops.push('length');
    } else {
      const name = names[int(rand, names.length)];
      bytes = MUTATIONS[name](bytes, rand);
      ops.push(name);
    }
  }
  if (seed.kind === 'png' && rand() < 0.1) {
    // A size in the header far beyond the data (within the pixel budget): the decompression-bomb shape.
    bytes = bytes.slice();
    const view = new DataView(bytes.buffer);
    if (bytes.length >= 24) {
      view.setUint32(16, 1 + int(rand, 7000));
      view.setUint32(20, 1 + int(rand, 7000));
    }
    ops.push('dims');
  }
  if (seed.kind === 'png' && rand() < 0.6) {
    bytes = repairPngCrcs(bytes);
    ops.push('crc-fixed');
  }
  return { bytes, ops };
}

// ---- runner ------------------------------------------------------------------------------------

class Decoder {
  private worker!: Worker;
  private pending: ((o: FuzzOutcome) => void) | null = null;
  constructor() {
    this.spawn();
  }
  /** A fresh worker first loads the decoders (tsx transpiles them): not part of any file's time. */
  private fresh = true;
  private spawn() {
    this.fresh = true;
    this.worker = new Worker(new URL('./fuzz-worker-entry.mjs', import.meta.url));
    this.worker.on('message', (o: FuzzOutcome) => {
      const done = this.pending;
      this.pending = null;
      done?.(o);
    });
    this.worker.on('error', (error: Error) => {
      const done = this.pending;
      this.pending = null;
      done?.({ id: -1, ms: 0, kind: 'other', stack: `worker crashed: ${error.stack ?? error}` });
      this.spawn();
    });
  }
  /** Decodes one file; 'hang' when it takes longer than the cap (the worker is killed and replaced). */
  async decode(job: FuzzJob, capMs: number): Promise<FuzzOutcome | 'hang'> {
    if (this.fresh) {
      this.fresh = false;
      await this.decode({ id: -1, name: 'warm.png', bytes: new Uint8Array(0) }, 60_000);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        void this.worker.terminate();
        this.spawn();
        resolve('hang');
      }, capMs);
      this.pending = (o) => {
        clearTimeout(timer);
        resolve(o);
      };
      this.worker.postMessage(job);
    });
  }
  close() {
    return this.worker.terminate();
  }
}

const all = seeds();
const rand = mulberry32(SEED);
const decoder = new Decoder();

// Every seed must decode as it is, or the mutants prove nothing.
for (const seed of all) {
  const o = await decoder.decode({ id: -1, name: seed.name, bytes: seed.bytes }, 60_000);
  if (o === 'hang' || o.kind !== 'decoded') throw new Error(`Seed ${seed.name} does not decode: ${JSON.stringify(o)}`);
}

const counts = { files: 0, dicom: 0, png: 0, jpeg: 0, clean: 0, decoded: 0, invalid: 0, netted: 0, other: 0, hangs: 0, clean_with_js_cause: 0, bad_messages: 0 };
const byCode: Record<string, number> = {};
const problems: string[] = [];
const messages = new Set<string>();
let maxMs = 0;
let maxFile = '';
let maxMb = 0;
let maxMbFile = '';
const t0 = performance.now();

for (let i = 0; i < FILES; i++) {
  const seed = all[i % all.length];
  const { bytes, ops } = mutate(seed, rand);
  const label = `#${i} ${seed.name} [${ops.join('+')}] ${bytes.length} B`;
  const o = await decoder.decode({ id: i, name: seed.name, bytes }, CAP_MS);
  counts.files++;
  counts[seed.kind]++;
  if (o === 'hang') {
    counts.hangs++;
    problems.push(`HANG (> ${CAP_MS} ms) ${label}`);
    continue;
  }
  if (o.ms > maxMs) {
    maxMs = o.ms;
    maxFile = label;
  }
  if ((o.mb ?? 0) > maxMb) {
    maxMb = o.mb!;
    maxMbFile = label;
  }
  counts[o.kind]++;
  if (o.kind === 'clean') {
    byCode[o.code] = (byCode[o.code] ?? 0) + 1;
    messages.add(o.message.replace(/\d+/g, 'N'));
    // The page shows the message as it is: it must read as a sentence, with no code leaking through.
    if (!/^[A-Z][\s\S]{15,}[.]$/.test(o.message) || /undefined|NaN|\[object /.test(o.message)) {
      counts.bad_messages++;
      problems.push(`MESSAGE NOT A SENTENCE ${label}: ${o.message}`);
    }
    if (o.jsCause) counts.clean_with_js_cause++;
  } else if (o.kind === 'invalid') {
    problems.push(`INVALID IMAGE ${label}: ${o.why}`);
  } else if (o.kind === 'netted' || o.kind === 'other') {
    problems.push(`${o.kind === 'other' ? 'UNCAUGHT' : 'CAUGHT ONLY BY THE SAFETY NET'} ${label}\n${o.stack}`);
  }
  if ((i + 1) % 2000 === 0) console.log(`… ${i + 1} files, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
await decoder.close();

const seconds = (performance.now() - t0) / 1000;
console.log(`Seeds: ${all.map((s) => s.name).join(', ')}; seed ${SEED}; per-file cap ${CAP_MS} ms.`);
console.log(`Files: ${counts.files} (${counts.dicom} DICOM, ${counts.png} PNG, ${counts.jpeg} JPEG) in ${seconds.toFixed(1)} s`);
console.log(`Clean errors (ImageDecodeError): ${counts.clean}  by code: ${JSON.stringify(byCode)}`);
console.log(`  of which a library threw a TypeError/RangeError that the decoder wrapped: ${counts.clean_with_js_cause}`);
console.log(`  distinct messages (digits as N): ${messages.size}; not a plain sentence: ${counts.bad_messages}`);
console.log(`Decoded: ${counts.decoded}   decoded but invalid: ${counts.invalid}`);
console.log(`Uncaught/other exceptions: ${counts.other}   caught only by decodeImage's safety net: ${counts.netted}`);
console.log(`Hangs (> ${CAP_MS} ms): ${counts.hangs}   max ms: ${maxMs.toFixed(1)} (${maxFile})`);
console.log(`Largest ArrayBuffer growth across one decode (rough: what the GC had not freed yet): ${maxMb.toFixed(1)} MB (${maxMbFile})`);
for (const p of problems.slice(0, 5)) console.log(`\n${p}`);
if (problems.length > 5) console.log(`… and ${problems.length - 5} more problems`);
console.log(
  JSON.stringify({
    bench: 'fuzz',
    seed: SEED,
    files: counts.files,
    dicom: counts.dicom,
    png: counts.png,
    jpeg: counts.jpeg,
    clean_errors: counts.clean,
    decoded: counts.decoded,
    invalid_decodes: counts.invalid,
    uncaught: counts.other,
    safety_net: counts.netted,
    hangs: counts.hangs,
    bad_messages: counts.bad_messages,
    max_ms: Number(maxMs.toFixed(1)),
    max_alloc_mb: Number(maxMb.toFixed(1)),
    cap_ms: CAP_MS,
    by_code: byCode,
  }),
);
process.exitCode = counts.other + counts.netted + counts.hangs + counts.invalid + counts.bad_messages > 0 ? 1 : 0;
