/**
 * Copies a trained model folder into public/models/<name>/ and lists it in public/models/index.json.
 *   npm run ship -- --model runs/bonet-rsna100/model [--default]
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './cli-args';
import { readModelCard } from './io/model-files';

const args = parseArgs(process.argv.slice(2), { model: 'string', default: 'boolean', public: 'string' });
if (!args.model) throw new Error('--model <trained model folder> is required.');
const modelsDir = String(args.public ?? 'public/models');
const card = readModelCard(String(args.model));
const dest = join(modelsDir, card.name);
rmSync(dest, { recursive: true, force: true });
cpSync(String(args.model), dest, { recursive: true });
const indexPath = join(modelsDir, 'index.json');
const index = existsSync(indexPath)
  ? (JSON.parse(readFileSync(indexPath, 'utf8')) as { default: string; models: Array<{ name: string; path: string }> })
  : { default: card.name, models: [] };
index.models = [...index.models.filter((m) => m.name !== card.name), { name: card.name, path: `${card.name}/` }];
if (args.default || index.models.length === 1) index.default = card.name;
writeFileSync(indexPath, JSON.stringify(index, null, 2) + '\n');
console.log(`shipped ${card.name} (validation MAE ${card.validation.mae_months} months) to ${dest}; default: ${index.default}`);
