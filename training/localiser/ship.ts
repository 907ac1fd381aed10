/**
 * Copies a trained localiser folder into public/models/<name>/ and names it as the page's localiser in
 * public/models/index.json (the optional "localiser" key; the age models' entries are left as they are).
 *   npm run ship:localiser -- --model runs/tw-localiser/model
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocaliserCard } from '../../core/localiser/card';
import { parseArgs } from '../cli-args';

const args = parseArgs(process.argv.slice(2), { model: 'string', public: 'string' });
if (!args.model) throw new Error('--model <trained localiser folder> is required.');
const modelsDir = String(args.public ?? 'public/models');
const cardPath = join(String(args.model), 'model-card.json');
const card = parseLocaliserCard(JSON.parse(readFileSync(cardPath, 'utf8')), cardPath);
const dest = join(modelsDir, card.name);
rmSync(dest, { recursive: true, force: true });
cpSync(String(args.model), dest, { recursive: true });
const indexPath = join(modelsDir, 'index.json');
const index = JSON.parse(readFileSync(indexPath, 'utf8')) as Record<string, unknown>;
index.localiser = { name: card.name, path: `${card.name}/` };
writeFileSync(indexPath, JSON.stringify(index, null, 2) + '\n');
console.log(`shipped localiser ${card.name} (held-out median centre error ${card.validation.centre_error_pct.median}% of hand size) to ${dest}`);
