import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildBoNet, DEFAULT_BONET } from '../../core/model';
import type { ModelCard } from '../../core/model/types';
import { saveModelFolder, sha256, writeModelCard } from '../../training/io/model-files';
import { filesUnder } from '../../src/inference/vite-plugin-model-pins';

/**
 * An untrained BoNet, with one output channel per sex (channel 0 boy, 1 girl) or one for both, saved as a
 * model folder the page loads: model.json, shards and a card (taken from `base`, with `output.bySex` and
 * the new shards' hashes). Its readings mean nothing; with sexHeads they differ by sex, which is what a
 * test needs. Needs a tfjs backend (e.g. useBackend('cpu')).
 */
export async function writeUntrainedModel(dir: string, base: ModelCard, sexHeads: boolean, seed = 11): Promise<{ net: tfl.LayersModel; card: ModelCard }> {
  const config = { ...DEFAULT_BONET, sexHeads };
  const net = buildBoNet(config, seed);
  const weights = await saveModelFolder(net, dir);
  // One network: the shipped card's ensemble members (if any) are not this model's.
  const { ensemble: _members, ...architecture } = base.architecture;
  const card: ModelCard = {
    ...base,
    name: sexHeads ? 'bonet-sexheads-test' : 'bonet-nosex-test',
    description: 'Untrained BoNet, for tests only.',
    architecture: { ...architecture, ...config },
    // A small scale keeps the untrained readings near the offset (inside the training range).
    output: { ...base.output, scale: 10, bySex: sexHeads },
    weights,
  };
  writeModelCard(dir, card);
  return { net, card };
}

/** The built page's default model: its folder below `models/` and its card (the base of a test model's card). */
export function builtModel(dist: string): { path: string; base: ModelCard } {
  if (!existsSync(join(dist, 'models/index.json'))) throw new Error(`The built page is missing (${dist}). Run \`npx vite build\` first.`);
  const index = JSON.parse(readFileSync(join(dist, 'models/index.json'), 'utf8')) as { default: string; models: Array<{ name: string; path: string }> };
  const path = index.models.find((m) => m.name === index.default)!.path.replace(/\/$/, '');
  return { path, base: JSON.parse(readFileSync(join(dist, 'models', path, 'model-card.json'), 'utf8')) as ModelCard };
}

/**
 * A copy of the built page (`dist`) whose default model folder (`models/<modelPath>`) holds the files
 * of `modelDir` instead. The build pins every model file's SHA-256 into its scripts (see
 * src/inference/pinned-files.ts), so the copy's pins for that folder are re-written to the new files
 * (names and hashes: the new model may have another number of shards), as a build with that model in
 * public/models/ would have them. Returns the copy's root; the caller removes it.
 */
export function pageCopyWithModel(dist: string, modelPath: string, modelDir: string): string {
  const root = mkdtempSync(join(tmpdir(), 'boneage-sexheads-'));
  cpSync(dist, root, { recursive: true });
  const folder = join(root, 'models', modelPath);
  rmSync(folder, { recursive: true, force: true });
  cpSync(modelDir, folder, { recursive: true });
  const prefix = `${modelPath.replace(/\/+$/, '')}/`;
  const pins = readdirSync(folder)
    .sort()
    .map((name) => `${JSON.stringify(prefix + name)}:${JSON.stringify(sha256(readFileSync(join(folder, name))))},`)
    .join('');
  // One entry of the build's pin object for this folder, as the bundler writes it ("path":`hash` or "path":"hash").
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const entry = new RegExp(`"${escaped}[^"]+":([\`"])[0-9a-f]{64}\\1,?`, 'g');
  let patched = 0;
  for (const file of filesUnder(root).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8');
    let first = true;
    const next = text.replace(entry, () => {
      if (!first) return '';
      first = false;
      return pins;
    });
    if (next !== text) {
      writeFileSync(file, next);
      patched += 1;
    }
  }
  if (patched === 0) throw new Error('No script of the built page holds the model pins: the pin format changed, update this helper.');
  return root;
}
