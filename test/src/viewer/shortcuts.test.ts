import { describe, expect, it } from 'vitest';
import { formatWindowValue, formatZoom } from '../../../src/viewer/readout';
import { SHORTCUTS, isTypingTarget, shortcutFor } from '../../../src/viewer/shortcuts';

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

describe('keyboard shortcuts', () => {
  it('maps the documented keys, letters in either case', () => {
    expect(shortcutFor({ key: 'i' })).toBe('invert');
    expect(shortcutFor({ key: 'I' })).toBe('invert');
    expect(shortcutFor({ key: 'r' })).toBe('reset');
    expect(shortcutFor({ key: 'o' })).toBe('toggle-overlay');
    expect(shortcutFor({ key: '?' })).toBe('help');
    expect(shortcutFor({ key: 'j' })).toBe('next-case');
    expect(shortcutFor({ key: 'ArrowDown' })).toBe('next-case');
    expect(shortcutFor({ key: 'ArrowRight' })).toBe('next-case');
    expect(shortcutFor({ key: 'k' })).toBe('previous-case');
    expect(shortcutFor({ key: 'ArrowUp' })).toBe('previous-case');
    expect(shortcutFor({ key: 'Escape' })).toBe('close');
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });

  it('leaves keys alone with Ctrl, Alt or Cmd held (browser shortcuts such as Ctrl+R)', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'i', metaKey: true })).toBeNull();
    expect(shortcutFor({ key: 'j', altKey: true })).toBeNull();
  });

  it('leaves keys alone while the reader types into a field or moves a slider', () => {
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'date' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'range' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('BODY'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
    expect(shortcutFor({ key: 'i', target: el('INPUT', { type: 'text' }) })).toBeNull();
    expect(shortcutFor({ key: 'ArrowLeft', target: el('INPUT', { type: 'range' }) })).toBeNull();
    expect(shortcutFor({ key: 'i', target: el('BUTTON') })).toBe('invert');
  });

  it('gives each key one action, and every action a label for the help panel', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(s.label.length * s.description.length).toBeGreaterThan(0);
  });
});

describe('corner readout', () => {
  it('formats window values and zoom', () => {
    expect(formatWindowValue(4096)).toBe('4096');
    expect(formatWindowValue(2047.6)).toBe('2048');
    expect(formatWindowValue(1.5)).toBe('1.5');
    expect(formatWindowValue(0.123456)).toBe('0.123');
    expect(formatWindowValue(-12.345)).toBe('-12.3');
    expect(formatWindowValue(Number.NaN)).toBe('—');
    expect(formatZoom(1)).toBe('100 %');
    expect(formatZoom(0.456)).toBe('46 %');
  });
});
