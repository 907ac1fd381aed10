import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../src/inference/model-index';
import { buildPins, checkPinned, pinKey } from '../../src/inference/pinned-files';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const card = '{"name":"m","output":{"scale":228}}';
const pins = { 'm/model-card.json': sha(card) };
const url = new URL('https://x.test/app/models/m/model-card.json');

describe('checkPinned', () => {
  it('names files by their path below models/', () => {
    expect(pinKey(url)).toBe('m/model-card.json');
    expect(pinKey(new URL('https://x.test/other.json'))).toBeNull();
  });

  it('passes the file the page was built with, still readable', async () => {
    const response = await checkPinned(url, new Response(card, { headers: { 'content-type': 'application/json' } }), pins);
    expect(await response.json()).toEqual(JSON.parse(card));
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('refuses one changed byte, naming the file', async () => {
    const changed = card.replace('228', '229');
    const error = await checkPinned(url, new Response(changed), pins).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toBe(
      'The model file m/model-card.json differs from the one this page was built with (SHA-256 mismatch: corrupted, tampered with, or from another deploy); the model was not loaded.',
    );
  });

  it('refuses a model file the build does not know', async () => {
    const other = new URL('https://x.test/app/models/n/model.json');
    await expect(checkPinned(other, new Response('{}'), pins)).rejects.toThrow(/is not part of this build/);
  });

  it('has no list outside a Vite build (Node tests, dev server), and then lets files through', async () => {
    expect(buildPins()).toBeNull();
    const response = await checkPinned(url, new Response('anything'));
    expect(await response.text()).toBe('anything');
  });
});
