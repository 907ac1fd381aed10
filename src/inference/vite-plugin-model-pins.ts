/** Vite build step: the SHA-256 of every file under public/models/, written into the bundle as
 *  __BONEAGE_MODEL_PINS__ for src/inference/pinned-files.ts. Build only: on the dev server a
 *  freshly shipped model loads without a restart (its weights are still checked against its card). */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Every file below `dir` (recursively); none when it does not exist. */
export function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function modelPins(modelsDir: string): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const file of filesUnder(modelsDir).sort()) {
    pins[relative(modelsDir, file).split(sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return pins;
}

export function pinModels(): Plugin {
  return {
    name: 'boneage-model-pins',
    apply: 'build',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const publicDir = typeof config.publicDir === 'string' ? resolve(root, config.publicDir) : join(root, 'public');
      return { define: { __BONEAGE_MODEL_PINS__: JSON.stringify(modelPins(join(publicDir, 'models'))) } };
    },
  };
}
