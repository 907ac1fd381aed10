/**
 * How long decodeImage takes on a hand-radiograph-sized DICOM (default 2048 × 2560, 12-bit) in
 * each transfer syntax, in Node (the page runs the same code and wasm). Prints one line per
 * syntax with the median of --runs decodes, after one warm-up that also loads the codec.
 *   npx tsx training/bench/dicom-decode.ts [--width 2048] [--height 2560] [--runs 5]
 */
import { decodeImage } from '../../core/pipeline/decode';
import { encodeJpeg12 } from '../../test/helpers/jpeg-extended-encode';
import { encodeJpegLossless } from '../../test/helpers/jpeg-lossless-encode';
import { makeDicom } from '../../test/helpers/make-dicom';
import { radiographSamples } from '../../test/helpers/radiograph-samples';
import { encodeRle } from '../../test/helpers/rle-encode';
import { encodeJ2k, encodeJpegLs } from '../../test/helpers/wasm-encoders';
import { parseArgs } from '../cli-args';

const args = parseArgs(process.argv.slice(2), { width: 'number', height: 'number', runs: 'number' });
const width = Number(args.width ?? 2048);
const height = Number(args.height ?? 2560);
const runs = Number(args.runs ?? 5);
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pixels = radiographSamples(width, height, 12);
const frame = { width, height, bitsPerSample: 12, componentCount: 1, samples: pixels };
const common = { rows: height, columns: width, bitsStored: 12 };
const encapsulated = (uid: string, data: Uint8Array) => makeDicom({ ...common, transferSyntaxUID: uid, encapsulated: { frames: [data], fragmentSize: 1 << 20 } });

const files: Array<[string, () => Promise<Uint8Array>]> = [
  ['Explicit VR Little Endian', async () => makeDicom({ ...common, pixels })],
  ['Deflated Explicit VR LE', async () => makeDicom({ ...common, syntax: 'deflated-le', pixels })],
  ['RLE Lossless', async () => encapsulated('1.2.840.10008.1.2.5', encodeRle(pixels, width * height, 1, 16))],
  ['JPEG Lossless SV1', async () => encapsulated('1.2.840.10008.1.2.4.70', encodeJpegLossless(pixels, width, height, 12))],
  ['JPEG Extended 12-bit', async () => encapsulated('1.2.840.10008.1.2.4.51', encodeJpeg12(pixels, width, height, 2))],
  ['JPEG-LS Lossless', async () => encapsulated('1.2.840.10008.1.2.4.80', await encodeJpegLs(frame))],
  ['JPEG 2000 Lossless', async () => encapsulated('1.2.840.10008.1.2.4.90', await encodeJ2k(frame))],
];

console.log(`decodeImage, ${width} × ${height} 12-bit, median of ${runs} (ms)`);
for (const [name, make] of files) {
  const bytes = await make();
  await decodeImage(bytes); // warm-up, loads the codec
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await decodeImage(bytes);
    times.push(performance.now() - t0);
  }
  console.log(`${name.padEnd(28)} ${median(times).toFixed(0).padStart(6)} ms   (${(bytes.length / 2 ** 20).toFixed(1)} MiB file)`);
}
