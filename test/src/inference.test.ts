import { describe, expect, it } from 'vitest';
import { backendAttemptOrder, isSoftwareRenderer, parseBackendParam } from '../../src/inference/backend-choice';
import { ModelLoadError, parseModelCard, parseModelIndex, pickModel } from '../../src/inference/model-index';
import { statusText } from '../../src/state/store';

describe('backend choice', () => {
  it('reads ?backend=', () => {
    expect(parseBackendParam('?backend=wasm')).toEqual({ requested: 'wasm', invalid: null });
    expect(parseBackendParam('?backend=WebGPU')).toEqual({ requested: 'webgpu', invalid: null });
    expect(parseBackendParam('')).toEqual({ requested: null, invalid: null });
    expect(parseBackendParam('?backend=cuda')).toEqual({ requested: null, invalid: 'cuda' });
  });

  it('tries WebGPU, WebGL, WASM, CPU, the requested one first', () => {
    expect(backendAttemptOrder(null)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendAttemptOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
  });

  it('recognises software GPU renderers, not real ones', () => {
    expect(isSoftwareRenderer('google swiftshader')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('software fallback adapter')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(isSoftwareRenderer('apple m2')).toBe(false);
    expect(isSoftwareRenderer('')).toBe(false);
  });
});

describe('model index and card', () => {
  const index = { default: 'b', models: [{ name: 'a', path: 'a/' }, { name: 'b', path: 'b/' }] };

  it('picks the default or the named model', () => {
    expect(pickModel(parseModelIndex(index), null)).toEqual({ name: 'b', path: 'b/' });
    expect(pickModel(parseModelIndex(index), 'a')).toEqual({ name: 'a', path: 'a/' });
    expect(() => pickModel(parseModelIndex(index), 'zzz')).toThrow(/no model named "zzz".*available: a, b/);
  });

  it('refuses an empty or malformed index with a sentence', () => {
    expect(() => parseModelIndex({ models: [] })).toThrow(ModelLoadError);
    expect(() => parseModelIndex(null)).toThrow(/names no models/);
    expect(() => parseModelIndex({ models: [{ name: 'x' }] })).toThrow(/without a name and path/);
  });

  it('checks the card fields inference depends on', () => {
    const card = {
      name: 'm',
      input: { width: 100, height: 100, channels: 1, resample: 'nearest-floor-center', normalise: 'per-image-zscore' },
      output: { unit: 'months', scale: 41, offset: 127, reduce: 'mean' },
    };
    expect(parseModelCard(card, 'x').name).toBe('m');
    expect(() => parseModelCard({ ...card, output: { unit: 'years', scale: 1, offset: 0 } }, 'm/model-card.json')).toThrow(
      'The model card (m/model-card.json) is missing or has invalid: output.',
    );
    expect(() => parseModelCard({ name: 'm' }, 'x')).toThrow(/input, output/);
  });
});

describe('statusText', () => {
  it('says "ready" only when the model is ready', () => {
    const base = { reading: false, current: null, backend: 'wasm' as const };
    for (const phase of ['starting', 'loading', 'warming', 'failed'] as const) expect(statusText({ ...base, phase })).not.toMatch(/ready/i);
    expect(statusText({ ...base, phase: 'ready' })).toMatch(/ready/);
  });
});
