import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBoneAgeModel } from '../../src/inference/load-model';
import { ModelLoadError } from '../../src/inference/model-index';
import { checkWeightListing, insecureOriginMessage, integrityFailureMessage, prefetchableShards, toHex, verifyWeights } from '../../src/inference/verify-weights';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const A = { path: 'group1-shard1of2.bin', bytes: 4, sha256: sha('aaaa') };
const B = { path: 'group1-shard2of2.bin', bytes: 2, sha256: sha('bb') };
const paths = [A.path, B.path];

describe('prefetchableShards', () => {
  it('names only well-formed card entries that are plain files beside model.json', () => {
    expect(prefetchableShards([A, { ...B, path: './group1-shard2of2.bin' }])).toEqual([A.path, B.path]);
    const odd = ['../other/w.bin', 'https://elsewhere.example/w.bin', '..', '/w.bin', 'sub/w.bin'].map((path) => ({ ...A, path }));
    expect(prefetchableShards(odd)).toEqual([]);
    expect(prefetchableShards([{ path: 'w.bin' }])).toEqual([]); // no byte count or SHA-256
    expect(prefetchableShards(undefined)).toEqual([]);
  });
});

describe('checkWeightListing', () => {
  it('accepts a manifest and a card that name the same shards', () => {
    expect(checkWeightListing(paths, [B, A])).toEqual([]);
    expect(checkWeightListing(['./group1-shard1of2.bin', B.path], [A, B])).toEqual([]);
  });

  it('refuses a shard the card does not list, and a card entry the manifest lacks', () => {
    expect(checkWeightListing([...paths, 'extra.bin'], [A, B])).toEqual(['extra.bin is not listed in its model card']);
    expect(checkWeightListing([A.path], [A, B])).toEqual([`${B.path} is listed in its model card but not in model.json`]);
  });

  it('refuses a card without usable weight entries', () => {
    expect(checkWeightListing(paths, undefined)).toEqual(['the model card lists no weight files (its "weights" list is missing or empty)']);
    expect(checkWeightListing(paths, [])).toHaveLength(1);
    expect(checkWeightListing(paths, [A, { path: B.path, bytes: 2, sha256: 'nope' }])).toEqual([
      `the model card's entry for ${B.path} does not give a path, a byte count and a SHA-256`,
      `${B.path} is not listed in its model card`,
    ]);
    expect(checkWeightListing(paths, [A, B, A])).toEqual([`the model card lists ${A.path} more than once`]);
  });

  it('refuses an empty or repeating manifest', () => {
    expect(checkWeightListing([], [A])).toContain('model.json lists no weight files');
    expect(checkWeightListing([A.path, A.path, B.path], [A, B])).toEqual([`model.json lists ${A.path} more than once`]);
  });
});

describe('verifyWeights', () => {
  it('accepts shards whose size and SHA-256 match (hex case does not matter)', () => {
    expect(verifyWeights(paths, [A, { ...B, sha256: B.sha256.toUpperCase() }], [A, B])).toEqual([]);
  });

  it('names a shard whose SHA-256 differs', () => {
    expect(verifyWeights(paths, [A, B], [A, { ...B, sha256: sha('bc') }])).toEqual([
      `${B.path} does not match the SHA-256 in its model card (the file may be corrupted or tampered with)`,
    ]);
  });

  it('names a shard whose size differs (and does not also blame its hash)', () => {
    expect(verifyWeights(paths, [A, B], [{ ...A, bytes: 3, sha256: sha('aaa') }, B])).toEqual([
      `${A.path} is 3 bytes but its model card says 4 bytes (the file may be truncated, corrupted or replaced)`,
    ]);
  });

  it('reports listing problems and a shard that was never measured', () => {
    expect(verifyWeights([...paths, 'extra.bin'], [A, B], [A])).toEqual(['extra.bin is not listed in its model card', `${B.path} was not downloaded`]);
  });

  it('writes the messages the page shows', () => {
    expect(integrityFailureMessage('m', ['x.bin does not match the SHA-256 in its model card (the file may be corrupted or tampered with)'])).toBe(
      'Model "m" failed its integrity check: x.bin does not match the SHA-256 in its model card (the file may be corrupted or tampered with). The model was not loaded.',
    );
    expect(insecureOriginMessage('m', 'http://192.168.1.5:8080')).toMatch(/insecure origin \(http:\/\/192\.168\.1\.5:8080\).*https or from localhost/);
    expect(toHex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
  });
});

describe('loadBoneAgeModel integrity check', () => {
  const card = {
    name: 'tiny',
    input: { width: 100, height: 100, channels: 1, resample: 'nearest-floor-center', normalise: 'per-image-zscore' },
    output: { unit: 'months', scale: 1, offset: 0, reduce: 'mean' },
  };
  const shard = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  const modelJson = { modelTopology: { class_name: 'Sequential' }, weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'k', shape: [2], dtype: 'float32' }] }] };

  function serve(files: Record<string, unknown>): string[] {
    const requested: string[] = [];
    vi.stubGlobal('fetch', async (href: string) => {
      const path = new URL(href).pathname;
      requested.push(path);
      const body = files[path];
      if (body === undefined) return new Response('Not found', { status: 404 });
      if (body instanceof Uint8Array) return new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': 'application/octet-stream' } });
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    return requested;
  }
  const files = (weights: unknown, bin: Uint8Array = shard) => ({
    '/models/index.json': { default: 'tiny', models: [{ name: 'tiny', path: 'tiny/' }] },
    '/models/tiny/model-card.json': { ...card, weights },
    '/models/tiny/model.json': modelJson,
    '/models/tiny/w.bin': bin,
  });
  const good = [{ path: 'w.bin', bytes: 8, sha256: createHash('sha256').update(shard).digest('hex') }];

  afterEach(() => vi.unstubAllGlobals());

  it('refuses a tampered shard, naming it', async () => {
    const tampered = shard.slice();
    tampered[3] ^= 0x01;
    serve(files(good, tampered));
    const error = await loadBoneAgeModel('http://127.0.0.1/', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toBe(
      'Model "tiny" failed its integrity check: w.bin does not match the SHA-256 in its model card (the file may be corrupted or tampered with). The model was not loaded.',
    );
  });

  it('refuses a shard the card does not list without downloading it', async () => {
    const requested = serve(files([{ path: 'other.bin', bytes: 8, sha256: good[0].sha256 }]));
    await expect(loadBoneAgeModel('http://127.0.0.1/', null)).rejects.toThrow(
      /failed its integrity check: w\.bin is not listed in its model card; other\.bin is listed in its model card but not in model\.json\. The model was not loaded\./,
    );
    expect(requested).not.toContain('/models/tiny/w.bin');
  });

  it('passes a matching shard on to the network (which then fails on this fake topology, not on integrity)', async () => {
    serve(files(good));
    const error = (await loadBoneAgeModel('http://127.0.0.1/', null).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ModelLoadError);
    expect(error.message).toMatch(/^Could not load the network of model "tiny"/);
  });

  it('asks for the card, model.json and the card\'s shards without waiting for one another', async () => {
    const requested = serve(files(good));
    // model.json answers only once the shard has been asked for (or after 2 s): loading one file after the other would wait.
    const served = globalThis.fetch;
    let modelJsonWaited = false;
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (href: string) => {
      asked.push(new URL(href).pathname);
      if (new URL(href).pathname === '/models/tiny/model.json') {
        for (let t = 0; t < 200 && !requested.includes('/models/tiny/w.bin'); t++) await new Promise((r) => setTimeout(r, 10));
        modelJsonWaited = requested.includes('/models/tiny/w.bin');
      }
      return served(href);
    });
    await loadBoneAgeModel('http://127.0.0.1/', null).catch(() => undefined);
    expect(modelJsonWaited).toBe(true);
    expect(asked.slice(0, 3)).toEqual(['/models/index.json', '/models/tiny/model.json', '/models/tiny/model-card.json']);
  });

  it('refuses to load without Web Crypto (insecure origin)', async () => {
    serve(files(good));
    vi.stubGlobal('crypto', {});
    await expect(loadBoneAgeModel('http://192.168.1.5:8080/', null)).rejects.toThrow(
      /Model "tiny" cannot be checked for integrity on an insecure origin \(http:\/\/192\.168\.1\.5:8080\).*Serve the page over https or from localhost\. The model was not loaded\./,
    );
  });
});
