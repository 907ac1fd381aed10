import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_VARIANTS, table } from '../../training/architecture-variants';
import { parseLayers } from '../../training/layers-spec';

const arg = (args: string[], key: string) => {
  const i = args.indexOf(key);
  return i < 0 ? undefined : args[i + 1];
};

describe('the Table-5 variants', () => {
  it('cover no deformation, deformation on the input and before the last conv, and more than one width', () => {
    const deform = ARCHITECTURE_VARIANTS.map((v) => arg(v.trainArgs, '--deform-after'));
    expect(deform).toContain(undefined);
    expect(deform).toContain('-1');
    const before = ARCHITECTURE_VARIANTS.find((v) => v.name === 'before-last-1x')!;
    // After the second-to-last trunk layer, i.e. right before the last conv.
    expect(Number(arg(before.trainArgs, '--deform-after'))).toBe(parseLayers(arg(before.trainArgs, '--layers')!).length - 2);
    const widths = new Set(ARCHITECTURE_VARIANTS.map((v) => parseLayers(arg(v.trainArgs, '--layers')!)[0].filters));
    expect(widths.size).toBeGreaterThanOrEqual(2);
    expect(new Set(ARCHITECTURE_VARIANTS.map((v) => v.name)).size).toBe(ARCHITECTURE_VARIANTS.length);
  });
});

describe('table', () => {
  it('lists each variant with its curve, marks the best last epoch and formats the figures', () => {
    const text = table([
      { name: 'a', description: 'first', parameters: 574546, valMaeByEpoch: [20.5, 15.25, 13.004], secondsPerEpoch: 321.6, peakRssMb: 1900 },
      { name: 'b', description: 'second', parameters: 1000, valMaeByEpoch: [19, 14, 13.5], secondsPerEpoch: 100, peakRssMb: 800 },
    ]).split('\n');
    expect(text).toHaveLength(4);
    expect(text[2]).toBe('| `a` | first | 574,546 | 20.50 / 15.25 / **13.00** | 322 | 1900 |');
    expect(text[3]).toBe('| `b` | second | 1,000 | 19.00 / 14.00 / 13.50 | 100 | 800 |');
  });
});
