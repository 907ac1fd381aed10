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
  it('falls back to standard when merely reading the browser storage throws (site data blocked)', () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => { throw new DOMException('blocked', 'SecurityError'); } });
    try {
      expect(loadReadingPreference()).toBe('standard');
      expect(() => saveReadingPreference('careful')).not.toThrow();
    } finally {
      if (had) Object.defineProperty(globalThis, 'localStorage', had);
      else delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });
  it('uses the browser storage when none is passed', () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    const s = memory();
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => s });
    try {
      saveReadingPreference('careful');
      expect(s.getItem('boneage.reading')).toBe('careful');
      expect(loadReadingPreference()).toBe('careful');
    } finally {
      if (had) Object.defineProperty(globalThis, 'localStorage', had);
      else delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });
});
