/**
 * Copies a trained model folder into public/models/<name>/ and lists it in public/models/index.json.
 *   npm run ship -- --model runs/bonet-rsna100/model [--default] [--quantize float16|uint8]
 * --quantize stores the float32 weights as float16 or uint8 (model.json `quantization` entries, which
 * TensorFlow.js's loader undoes) and updates the card's weight list and SHA-256s to match.
 * --resample area-average sets the card's input resampling (how the page squashes a full-size image);
 * a model trained on 100×100 thumbnails saw the same inputs under either (see core/pipeline/resample-area.ts).
 * --tta axis1|grid1|none sets the card's test-time augmentation (output.tta: the page averages the
 * estimate over shifted copies of the input); re-run evaluate --record-validation afterwards.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, parseResampleOption, parseTtaOption } from './cli-args';
import { readModelCard, writeModelCard } from './io/model-files';
import { quantizeModelFolder } from './io/quantize-folder';
import { WEIGHT_QUANTIZATIONS, type WeightQuantization } from './io/quantize-weights';

const args = parseArgs(process.argv.slice(2), { model: 'string', default: 'boolean', public: 'string', quantize: 'string', resample: 'string', tta: 'string' });
if (!args.model) throw new Error('--model <trained model folder> is required.');
const quantize = args.quantize as WeightQuantization | undefined;
if (quantize !== undefined && !WEIGHT_QUANTIZATIONS.includes(quantize)) throw new Error(`--quantize must be one of ${WEIGHT_QUANTIZATIONS.join(', ')}.`);
const tta = args.tta === undefined ? null : { value: parseTtaOption(String(args.tta)) };
const modelsDir = String(args.public ?? 'public/models');
const card = readModelCard(String(args.model));
const dest = join(modelsDir, card.name);
rmSync(dest, { recursive: true, force: true });
cpSync(String(args.model), dest, { recursive: true });
const quantized = quantize ? quantizeModelFolder(dest, quantize) : null;
if (args.resample) {
  const resample = parseResampleOption(String(args.resample));
  writeModelCard(dest, { ...readModelCard(dest), input: { ...card.input, resample } });
}
if (tta) {
  const shipped = readModelCard(dest);
  writeModelCard(dest, { ...shipped, output: { ...shipped.output, tta: tta.value } });
}
const indexPath = join(modelsDir, 'index.json');
const index = existsSync(indexPath)
  ? (JSON.parse(readFileSync(indexPath, 'utf8')) as { default: string; models: Array<{ name: string; path: string }> })
  : { default: card.name, models: [] };
index.models = [...index.models.filter((m) => m.name !== card.name), { name: card.name, path: `${card.name}/` }];
if (args.default || index.models.length === 1) index.default = card.name;
writeFileSync(indexPath, JSON.stringify(index, null, 2) + '\n');
const size = quantized ? `; weights ${quantize}, ${quantized.reduce((s, f) => s + f.bytes, 0)} bytes (the card's validation figures are for float32: re-run evaluate)` : '';
console.log(`shipped ${card.name} (validation MAE ${card.validation.mae_months} months) to ${dest}; default: ${index.default}${size}`);
