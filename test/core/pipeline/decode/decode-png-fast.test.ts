import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage, decodeImageSync } from '../../../../core/pipeline/decode/decode-image';
import { decodePng } from '../../../../core/pipeline/decode/decode-png';
import { decodePngFast } from '../../../../core/pipeline/decode/decode-png-fast';
import { asFloatImage } from '../../../../core/pipeline/as-float-image';
import { knownSampleRange } from '../../../../core/pipeline/sample-range';
import { makePng } from '../../../helpers/make-png';
import { makeFilteredGrayPng } from '../../../helpers/make-png-filtered';
import { radiographLikePixels } from '../../../helpers/synthetic-radiograph';

function noise(n: number, max: number, seed = 3): number[] {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) % (max + 1));
}

/** The fast path must give exactly what decodePng gives. */
async function expectSameAsSlow(png: Uint8Array): Promise<void> {
  const fast = await decodePngFast(png);
  expect(fast).not.toBeNull();
  const slow = decodePng(png);
  // The fast path keeps integer samples; as floats they must be decodePng's, compared as bytes (a deep
  // toEqual over millions of floats takes minutes).
  expect(fast!.data).toBeInstanceOf(fast!.bitDepth === 8 ? Uint8Array : Uint16Array);
  expect(Buffer.from(new Float32Array(fast!.data).buffer).equals(Buffer.from(slow.data.buffer))).toBe(true);
  expect({ ...fast, data: null }).toEqual({ ...slow, data: null });
}

describe('decodePngFast', () => {
  it.each([8, 16] as const)('decodes %i-bit gray exactly, through every row filter', async (depth) => {
    const [width, height] = [37, 23];
    const data = noise(width * height, depth === 8 ? 255 : 65535);
    const png = makeFilteredGrayPng({ width, height, data, depth, idatChunks: 3 });
    const fast = (await decodePngFast(png))!;
    expect(Array.from(fast.data)).toEqual(data);
    // The range is noted for the viewer, which then skips its own scan.
    const noted = knownSampleRange(fast.data)!;
    expect({ ...noted, samples: undefined }).toEqual({ min: Math.min(...data), max: Math.max(...data), integral: true, samples: undefined });
    expect(noted.samples).toBeInstanceOf(depth === 8 ? Uint8Array : Uint16Array);
    expect(Array.from(noted.samples!)).toEqual(data);
    await expectSameAsSlow(png);
  });

  it('matches decodePng on a flat image and on fast-png output', async () => {
    await expectSameAsSlow(makePng({ width: 4, height: 3, data: new Array(12).fill(9), channels: 1 }));
    await expectSameAsSlow(makePng({ width: 64, height: 80, data: radiographLikePixels(64, 80), channels: 1 }));
  });

  it('leaves other PNGs to decodePng (returns null)', async () => {
    expect(await decodePngFast(makePng({ width: 2, height: 1, data: [1, 2, 3, 4, 5, 6], channels: 3 }))).toBeNull();
    expect(await decodePngFast(makePng({ width: 4, height: 1, data: [0, 1, 2, 3], channels: 1, depth: 2 }))).toBeNull();
    const withTrns = makeFilteredGrayPng({ width: 2, height: 2, data: [1, 2, 3, 4], depth: 8, extraChunks: [{ type: 'tRNS', data: new Uint8Array([0, 1]) }] });
    expect(await decodePngFast(withTrns)).toBeNull();
    // Adam7-interlaced, or an unknown filter method in the header (IHDR bytes 28 and 27).
    const plain = makeFilteredGrayPng({ width: 4, height: 4, data: noise(16, 255), depth: 8 });
    for (const at of [27, 28]) {
      const odd = plain.slice();
      odd[at] = 1;
      expect(await decodePngFast(odd)).toBeNull();
    }
  });

  it('returns null for damaged data instead of a partial image, and decodeImage then reports it as the JavaScript decoder does', async () => {
    const png = makeFilteredGrayPng({ width: 30, height: 20, data: noise(600, 255), depth: 8 });
    // Flip bytes inside the compressed data (after IHDR at 8..33, the IDAT header is 8 bytes).
    const broken = png.slice();
    for (let i = 45; i < 60; i++) broken[i] ^= 0x5a;
    expect(await decodePngFast(broken)).toBeNull();
    const slow = (() => {
      try {
        return decodeImageSync(broken, 'x.png');
      } catch (e) {
        return e;
      }
    })();
    const viaAsync = await decodeImage(broken, 'x.png').catch((e: unknown) => e);
    expect(viaAsync).toEqual(slow);
    // Cut short: the header check says truncated, on both paths.
    const cut = png.subarray(0, png.length - 20);
    expect(await decodePngFast(cut)).toBeNull();
    await expect(decodeImage(cut, 'x.png')).rejects.toMatchObject({ code: 'truncated' });
  });

  it('decodeImage (fast path) gives decodeImageSync\'s result for PNG and non-PNG input alike', async () => {
    const png = makeFilteredGrayPng({ width: 9, height: 7, data: noise(63, 255), depth: 8 });
    expect(asFloatImage(await decodeImage(png, 'a.png'))).toEqual(decodeImageSync(png, 'a.png'));
    const rgb = makePng({ width: 2, height: 1, data: [1, 2, 3, 4, 5, 6], channels: 3 });
    expect(await decodeImage(rgb, 'b.png')).toEqual(decodeImageSync(rgb, 'b.png'));
    await expect(decodeImage(new Uint8Array(0), 'c.png')).rejects.toMatchObject({ code: 'empty' });
  });

  it('decodes files read together correctly, and one after another with the kept inflate buffer', async () => {
    const sizes = [[40, 30], [25, 61], [40, 30], [7, 5]] as const;
    const pngs = sizes.map(([w, h], i) => makeFilteredGrayPng({ width: w, height: h, data: noise(w * h, 255, 11 + i), depth: 8 }));
    const together = await Promise.all(pngs.map((p) => decodePngFast(p)));
    for (const [i, p] of pngs.entries()) expect(Array.from(together[i]!.data)).toEqual(Array.from(decodePng(p).data));
    for (const p of [...pngs].reverse()) expect(Array.from((await decodePngFast(p))!.data)).toEqual(Array.from(decodePng(p).data));
  });

  const real = resolve(import.meta.dirname, '../../../../../shared/data/unlabelled-radiographs');
  it.skipIf(!existsSync(real))('matches decodePng on the real radiographs in ../shared/data (skipped when absent)', async () => {
    const files = readdirSync(real).filter((f) => f.endsWith('.png'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) await expectSameAsSlow(new Uint8Array(readFileSync(resolve(real, f))));
  });
});
