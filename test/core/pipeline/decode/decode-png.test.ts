import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../../core/pipeline/decode/decode-png';
import { decodeImageSync } from '../../../../core/pipeline/decode/decode-image';
import { expectDecodeError } from '../../../helpers/expect-decode-error';
import { makePng, makePngHeaderOnly } from '../../../helpers/make-png';

const lum = (r: number, g: number, b: number) => Math.fround(r === g && g === b ? r : 0.299 * r + 0.587 * g + 0.114 * b);

describe('decodePng', () => {
  it('decodes 8-bit gray exactly, with a min–max window and basic meta', () => {
    const data = [0, 17, 128, 200, 254, 255];
    const img = decodePng(makePng({ width: 3, height: 2, data, channels: 1 }));
    expect(img.format).toBe('png');
    expect([img.width, img.height, img.bitDepth]).toEqual([3, 2, 8]);
    expect(Array.from(img.data)).toEqual(data);
    expect(img.data).toBeInstanceOf(Float32Array);
    expect(img.window).toEqual({ center: 127.5, width: 255 });
    expect(img.meta).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 'gray' });
    expect(img.notices).toEqual([]);
  });

  it('decodes 16-bit gray exactly in 0–65535 units', () => {
    const data = [0, 1, 255, 256, 4095, 30000, 65534, 65535];
    const img = decodePng(makePng({ width: 4, height: 2, data, channels: 1, depth: 16 }));
    expect(img.bitDepth).toBe(16);
    expect(Array.from(img.data)).toEqual(data);
    expect(img.window).toEqual({ center: 65535 / 2, width: 65535 });
  });

  it.each([1, 2, 4] as const)('decodes %i-bit gray in its own units', (depth) => {
    const max = 2 ** depth - 1;
    const data = Array.from({ length: 5 * 3 }, (_, i) => (i * 7) % (max + 1));
    const img = decodePng(makePng({ width: 5, height: 3, data, channels: 1, depth }));
    expect(img.bitDepth).toBe(depth);
    expect(Array.from(img.data)).toEqual(data);
  });

  it('converts colour RGB by luminance and says so', () => {
    const rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 77, 77, 77, 200, 100, 50];
    const img = decodePng(makePng({ width: 3, height: 2, data: rgb, channels: 3 }));
    const expected = [];
    for (let i = 0; i < rgb.length; i += 3) expected.push(lum(rgb[i], rgb[i + 1], rgb[i + 2]));
    expect(Array.from(img.data)).toEqual(expected);
    expect(img.data[4]).toBe(77); // gray stays exact
    expect(img.notices).toEqual(['Colour image converted to grayscale.']);
    expect(img.meta.colorType).toBe('rgb');
  });

  it('decodes 16-bit RGB in 0–65535 units', () => {
    const rgb = [65535, 65535, 65535, 1000, 2000, 3000];
    const img = decodePng(makePng({ width: 2, height: 1, data: rgb, channels: 3, depth: 16 }));
    expect(Array.from(img.data)).toEqual([65535, lum(1000, 2000, 3000)]);
    expect(img.bitDepth).toBe(16);
  });

  it('treats an RGB file with only gray pixels as gray, without a colour notice', () => {
    const rgb = [5, 5, 5, 250, 250, 250];
    const img = decodePng(makePng({ width: 2, height: 1, data: rgb, channels: 3 }));
    expect(Array.from(img.data)).toEqual([5, 250]);
    expect(img.notices).toEqual([]);
  });

  it('ignores alpha of an opaque RGBA image silently', () => {
    const rgba = [10, 10, 10, 255, 200, 200, 200, 255];
    const img = decodePng(makePng({ width: 2, height: 1, data: rgba, channels: 4 }));
    expect(Array.from(img.data)).toEqual([10, 200]);
    expect(img.notices).toEqual([]);
  });

  it('ignores translucent alpha but tells the reader (RGBA and gray+alpha)', () => {
    const rgba = decodePng(makePng({ width: 2, height: 1, data: [10, 20, 30, 0, 40, 40, 40, 128], channels: 4 }));
    expect(Array.from(rgba.data)).toEqual([lum(10, 20, 30), 40]);
    expect(rgba.notices).toHaveLength(2);
    expect(rgba.notices[1]).toMatch(/transparency/);
    const ga = decodePng(makePng({ width: 2, height: 1, data: [12, 0, 34, 255], channels: 2 }));
    expect(Array.from(ga.data)).toEqual([12, 34]);
    expect(ga.notices).toEqual([expect.stringMatching(/transparency/)]);
    expect(ga.meta.colorType).toBe('gray+alpha');
  });

  it('maps palette (indexed) images through the palette', () => {
    const palette = [
      [0, 0, 0],
      [100, 100, 100],
      [255, 255, 255],
      [255, 0, 0],
    ];
    const indices = [0, 1, 2, 3, 2, 1];
    const img = decodePng(makePng({ width: 3, height: 2, data: indices, channels: 1, palette }));
    expect(img.meta.colorType).toBe('palette');
    expect(img.bitDepth).toBe(8);
    expect(Array.from(img.data)).toEqual([0, 100, 255, lum(255, 0, 0), 255, 100]);
    expect(img.notices).toEqual(['Colour image converted to grayscale.']);
  });

  it('gives a gray palette image exactly and without notices', () => {
    const palette = [
      [30, 30, 30],
      [60, 60, 60],
    ];
    const img = decodePng(makePng({ width: 2, height: 2, data: [1, 0, 0, 1], channels: 1, palette }));
    expect(Array.from(img.data)).toEqual([60, 30, 30, 60]);
    expect(img.notices).toEqual([]);
  });
});

describe('decodePng errors', () => {
  const png = makePng({ width: 16, height: 16, data: Array.from({ length: 256 }, (_, i) => i), channels: 1 });

  it('reports a file cut at any point after the signature as truncated', () => {
    for (const cut of [8, 9, 20, 33, 40, Math.floor(png.length / 2), png.length - 13, png.length - 12, png.length - 1]) {
      expectDecodeError(() => decodeImageSync(png.subarray(0, cut)), 'truncated');
    }
  });

  it('never decodes a cut file silently, whatever the cut', () => {
    for (let cut = 1; cut < png.length; cut++) {
      expectDecodeError(() => decodeImageSync(png.subarray(0, cut)), ['truncated', 'unknown-format']);
    }
  });

  it('refuses an IHDR claiming 30000 × 30000 as too large, before reading any pixel data', () => {
    const header = makePngHeaderOnly(30000, 30000);
    const start = performance.now();
    const error = expectDecodeError(() => decodeImageSync(header), 'too-large');
    expect(performance.now() - start).toBeLessThan(50);
    expect(error.message).toContain('30000 × 30000');
  });

  it('calls a zero-size IHDR corrupt', () => {
    expectDecodeError(() => decodePng(makePngHeaderOnly(0, 10)), 'corrupt');
  });

  it('reports damaged compressed data as corrupt', () => {
    const broken = png.slice();
    // Overwrite the zlib stream inside IDAT (after its 8-byte chunk header) with garbage.
    const idat = findChunk(broken, 'IDAT');
    for (let i = idat + 8; i < idat + 8 + 12; i++) broken[i] = 0xff;
    expectDecodeError(() => decodePng(broken), 'corrupt');
  });
});

function findChunk(bytes: Uint8Array, type: string): number {
  for (let i = 8; i + 8 < bytes.length; ) {
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(i);
    if (String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === type) return i;
    i += 12 + length;
  }
  throw new Error(`no ${type} chunk`);
}
