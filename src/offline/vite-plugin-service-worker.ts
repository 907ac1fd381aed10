/** Vite build step: writes dist/sw.js from src/offline/service-worker.js with this build's version
 *  (a hash of the worker's own source, every emitted file and every file under public/) and its app-shell file list. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { filesUnder, modelPins } from '../inference/vite-plugin-model-pins';

const TEMPLATE = new URL('./service-worker.js', import.meta.url);

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'boneage-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      const template = readFileSync(TEMPLATE, 'utf8');
      const hash = createHash('sha256').update(template);
      const shell = Object.keys(bundle).sort();
      for (const name of shell) {
        const item = bundle[name];
        hash.update(name);
        hash.update(item.type === 'chunk' ? item.code : item.source);
      }
      // public/ (the models) is copied as is: its content belongs to the version too.
      const publicDir = config.publicDir;
      for (const file of filesUnder(publicDir).sort()) {
        hash.update(relative(publicDir, file).split(sep).join('/'));
        hash.update(readFileSync(file));
      }
      const version = hash.digest('hex').slice(0, 16);
      const source = template
        .replace("'__BONEAGE_VERSION__'", JSON.stringify(version))
        .replace('__BONEAGE_SHELL__', JSON.stringify(shell.filter((name) => !name.endsWith('.map'))))
        .replace('__BONEAGE_MODEL_PINS__', JSON.stringify(modelPins(join(publicDir, 'models'))));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
