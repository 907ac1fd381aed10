/**
 * Locates the 17 ossification regions on every image of a folder, through the page's pipeline
 * (decodeImage → preprocess → TwLocaliser), any image size, PNG/JPEG/DICOM.
 *   npm run --silent locate-rois -- --model <localiser folder> --images <dir>
 * stdout: one JSON line per image, files in name order:
 *   {"id","width","height","rois":[{"label","x0","y0","x1","y1","score"}]}
 * with boxes in the ORIGINAL image's pixel frame. Files that are not images at all (a LICENSE, a README) are
 * noted on stderr and ignored; images that cannot be decoded are reported on stderr, skipped, and make the
 * exit status 1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { roiJson } from '../../core/localiser/roi-json';
import { decodeImage, ImageDecodeError } from '../../core/pipeline/decode';
import { parseArgs } from '../cli-args';
import { initTrainingRuntime } from '../runtime';
import { loadLocaliserFolder } from './load';

const args = parseArgs(process.argv.slice(2), { model: 'string', images: 'string', backend: 'string' });
if (!args.model || !args.images) throw new Error('Usage: locate-rois --model <localiser folder> --images <dir>');
await initTrainingRuntime((args.backend as string) ?? 'wasm');
const model = await loadLocaliserFolder(String(args.model));
const dir = String(args.images);
const files = readdirSync(dir).filter((f) => !f.startsWith('.') && statSync(join(dir, f)).isFile()).sort();
let failed = 0;
for (const file of files) {
  let img;
  try {
    img = await decodeImage(new Uint8Array(readFileSync(join(dir, file))), file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ImageDecodeError && error.code === 'unknown-format') {
      process.stderr.write(`${file}: not an image, ignored (${message})\n`);
    } else {
      failed++;
      process.stderr.write(`${file}: skipped: ${message}\n`);
    }
    continue;
  }
  const rois = (await model.locate(img)).map(roiJson);
  const id = file.slice(0, file.length - extname(file).length);
  process.stdout.write(JSON.stringify({ id, width: img.width, height: img.height, rois }) + '\n');
}
if (failed > 0) process.exitCode = 1;
