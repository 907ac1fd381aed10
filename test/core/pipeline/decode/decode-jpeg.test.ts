import * as jpegNamespace from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImageSync } from '../../../../core/pipeline/decode/decode-image';
import { decodeJpeg } from '../../../../core/pipeline/decode/decode-jpeg';
import { expectDecodeError } from '../../../helpers/expect-decode-error';

const jpegModule = jpegNamespace as typeof jpegNamespace & { default?: typeof jpegNamespace };
const jpeg = typeof jpegModule.encode === 'function' ? jpegModule : jpegModule.default!;

/** jpeg-js always writes 3-component (YCbCr) JPEGs; gray input gives neutral chroma. */
function makeJpeg(width: number, height: number, rgbAt: (x: number, y: number) => [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgbAt(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 95).data);
}

const W = 32;
const H = 24;
const smooth = (x: number, y: number) => Math.round(40 + 4 * x + 3 * y); // 40..233
const grayJpeg = makeJpeg(W, H, (x, y) => {
  const v = smooth(x, y);
  return [v, v, v];
});

describe('decodeJpeg', () => {
  it('decodes a smooth gray JPEG to 0–255 within ±2', () => {
    const img = decodeJpeg(grayJpeg);
    expect(img.format).toBe('jpeg');
    expect([img.width, img.height, img.bitDepth]).toEqual([W, H, 8]);
    let worst = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) worst = Math.max(worst, Math.abs(img.data[y * W + x] - smooth(x, y)));
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(img.notices).toEqual([]);
    expect(img.window.width).toBeGreaterThan(180);
    expect(img.meta).toMatchObject({ width: W, height: H, bitDepth: 8 });
  });

  it('decodes a flat gray JPEG exactly', () => {
    const img = decodeJpeg(makeJpeg(16, 16, () => [123, 123, 123]));
    expect(new Set(img.data)).toEqual(new Set([123]));
  });

  it('converts a colour JPEG by luminance and says so', () => {
    const img = decodeJpeg(makeJpeg(16, 16, () => [200, 40, 40]));
    const expected = 0.299 * 200 + 0.587 * 40 + 0.114 * 40;
    for (const v of img.data) expect(Math.abs(v - expected)).toBeLessThanOrEqual(3);
    expect(img.notices).toEqual(['Colour image converted to grayscale.']);
  });
});

describe('decodeJpeg errors', () => {
  it('reports a file cut anywhere as truncated (or unrecognised when cut inside the signature)', () => {
    for (const cut of [3, 4, 20, 100, Math.floor(grayJpeg.length / 2), grayJpeg.length - 2, grayJpeg.length - 1]) {
      expectDecodeError(() => decodeImageSync(grayJpeg.subarray(0, cut)), 'truncated');
    }
    for (let cut = 1; cut < grayJpeg.length; cut++) {
      expectDecodeError(() => decodeImageSync(grayJpeg.subarray(0, cut)), ['truncated', 'unknown-format', 'corrupt']);
    }
  });

  it('refuses a SOF claiming 30000 × 30000 as too large', () => {
    const bytes = grayJpeg.slice();
    const sof = findMarker(bytes, 0xc0);
    bytes.set([30000 >> 8, 30000 & 0xff, 30000 >> 8, 30000 & 0xff], sof + 5);
    expectDecodeError(() => decodeJpeg(bytes), 'too-large');
  });

  it('refuses lossless and 12-bit JPEG as unsupported', () => {
    const lossless = grayJpeg.slice();
    lossless[findMarker(lossless, 0xc0) + 1] = 0xc3;
    expectDecodeError(() => decodeJpeg(lossless), 'unsupported');
    const twelve = grayJpeg.slice();
    twelve[findMarker(twelve, 0xc0) + 4] = 12;
    const error = expectDecodeError(() => decodeJpeg(twelve), 'unsupported');
    expect(error.message).toContain('12-bit');
  });
});

function findMarker(bytes: Uint8Array, marker: number): number {
  for (let i = 2; i + 3 < bytes.length; ) {
    if (bytes[i + 1] === marker) return i;
    i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
  }
  throw new Error(`no marker ${marker.toString(16)}`);
}
