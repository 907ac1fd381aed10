import { describe, expect, it } from 'vitest';
import { asFloatImage } from '../../../core/pipeline/as-float-image';

describe('asFloatImage', () => {
  it('returns a float image as it is', () => {
    const img = { width: 2, height: 1, data: new Float32Array([0.5, -1]) };
    expect(asFloatImage(img)).toBe(img);
  });

  it('copies integer samples to floats exactly, keeping the other fields', () => {
    const img = { width: 3, height: 1, data: new Uint16Array([0, 4095, 65535]), format: 'png' as const };
    const out = asFloatImage(img);
    expect(out.data).toBeInstanceOf(Float32Array);
    expect(Array.from(out.data)).toEqual([0, 4095, 65535]);
    expect(out.format).toBe('png');
    expect(img.data).toBeInstanceOf(Uint16Array); // the source is left alone
  });
});
