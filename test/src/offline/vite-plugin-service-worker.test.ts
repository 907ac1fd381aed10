import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceWorker } from '../../../src/offline/vite-plugin-service-worker';

const dir = mkdtempSync(join(tmpdir(), 'boneage-swplugin-'));
mkdirSync(join(dir, 'models/m'), { recursive: true });

/** Runs the plugin's hooks on a pretend bundle; returns the sw.js it emits. */
function build(files: Record<string, string>): string {
  const plugin = serviceWorker() as unknown as {
    configResolved: (c: { publicDir: string }) => void;
    generateBundle: (this: { emitFile: (f: { fileName: string; source: string }) => void }, o: unknown, b: Record<string, unknown>) => void;
  };
  plugin.configResolved({ publicDir: dir });
  const bundle = Object.fromEntries(Object.entries(files).map(([name, source]) => [name, { type: 'asset', source }]));
  let sw = '';
  plugin.generateBundle.call({ emitFile: (f) => (sw = f.source) }, {}, bundle);
  return sw;
}
const versionOf = (sw: string) => /const VERSION = "([0-9a-f]{16})"/.exec(sw)![1];

describe('the service worker build step', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const app = { 'index.html': '<html>1</html>', 'assets/index-abc.js': 'code', 'assets/x.wasm': 'wasm' };

  it('lists the app shell and pins every model file', () => {
    writeFileSync(join(dir, 'models/index.json'), '{"default":"m"}');
    writeFileSync(join(dir, 'models/m/w.bin'), 'weights-1');
    const sw = build(app);
    expect(sw).toContain('const SHELL = ["assets/index-abc.js","assets/x.wasm","index.html"];');
    expect(sw).toMatch(/const MODEL_PINS = \{"index\.json":"[0-9a-f]{64}","m\/w\.bin":"[0-9a-f]{64}"\};/);
    expect(sw).not.toContain('__BONEAGE_');
  });

  it('gives the same build the same version, and any change to the app or a model a new one', () => {
    writeFileSync(join(dir, 'models/m/w.bin'), 'weights-1');
    const v1 = versionOf(build(app));
    expect(versionOf(build(app))).toBe(v1);
    expect(versionOf(build({ ...app, 'index.html': '<html>2</html>' }))).not.toBe(v1);
    writeFileSync(join(dir, 'models/m/w.bin'), 'weights-2');
    expect(versionOf(build(app))).not.toBe(v1);
  });
});
