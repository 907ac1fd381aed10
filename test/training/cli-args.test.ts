import { describe, expect, it } from 'vitest';
import { parseArgs, takeOption } from '../../training/cli-args';

describe('parseArgs', () => {
  it('reads values and flags and refuses unknown options and non-numbers', () => {
    expect(parseArgs(['--epochs', '3', '--sex', '--out', 'x'], { epochs: 'number', sex: 'boolean', out: 'string' })).toEqual({ epochs: 3, sex: true, out: 'x' });
    expect(() => parseArgs(['--epoch', '3'], { epochs: 'number' })).toThrow(/Unknown option --epoch/);
    expect(() => parseArgs(['--epochs', 'three'], { epochs: 'number' })).toThrow(/must be a number/);
  });
});

describe('takeOption', () => {
  it('removes --key value from argv, leaving the rest to pass on', () => {
    const argv = ['--folds', '5', '--epochs', '3', '--sex'];
    expect(takeOption(argv, 'folds')).toBe('5');
    expect(argv).toEqual(['--epochs', '3', '--sex']);
    expect(takeOption(argv, 'out')).toBeUndefined();
    expect(argv).toHaveLength(3);
  });

  it('refuses a key without its value', () => {
    expect(() => takeOption(['--out', '--sex'], 'out')).toThrow(/--out needs a value/);
    expect(() => takeOption(['--out'], 'out')).toThrow(/--out needs a value/);
  });
});
