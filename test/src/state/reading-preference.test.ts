import { describe, expect, it } from 'vitest';
import { loadReadingPreference, saveReadingPreference } from '../../../src/state/reading-preference';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};

describe('the reading-mode preference', () => {
  it('remembers careful, and reads anything else or nothing as standard', () => {
    const s = memory();
    expect(loadReadingPreference(s)).toBe('standard');
    saveReadingPreference('careful', s);
    expect(loadReadingPreference(s)).toBe('careful');
    s.setItem('boneage.reading', 'fast');
    expect(loadReadingPreference(s)).toBe('standard');
  });
  it('falls back to standard, and keeps going, when storage refuses', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(loadReadingPreference(refusing)).toBe('standard');
    expect(() => saveReadingPreference('careful', refusing)).not.toThrow();
    expect(loadReadingPreference(null)).toBe('standard');
  });
});
