import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GrayRowSink } from '../../../../core/pipeline/decode/gray-row-sink';
import { grayPngData } from '../../../../core/pipeline/decode/decode-png-fast';
import { makeFilteredGrayPng } from '../../../helpers/make-png-filtered';

function noise(n: number, max: number, seed = 7): number[] {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) % (max + 1));
}

/** A PNG's filtered rows (what the inflater hands the sink), written with every row filter. */
function filteredRows(width: number, height: number, data: number[], depth: 8 | 16): Uint8Array {
  const png = makeFilteredGrayPng({ width, height, data, depth });
  return new Uint8Array(inflateSync(grayPngData(png)!.idat));
}

function feed(sink: GrayRowSink, rows: Uint8Array, piece: number): boolean {
  for (let at = 0; at < rows.length; at += piece) if (!sink.push(rows.subarray(at, at + piece))) return false;
  return true;
}

describe('GrayRowSink', () => {
  it.each([8, 16] as const)('unfilters %i-bit rows exactly, whatever size the pieces come in', (depth) => {
    const [width, height] = [13, 11];
    const data = noise(width * height, depth === 8 ? 255 : 65535);
    const rows = filteredRows(width, height, data, depth);
    for (const piece of [1, 2, 3, 13, 14, 27, 28, 100, rows.length]) {
      const sink = new GrayRowSink(width, height, depth);
      expect(feed(sink, rows, piece)).toBe(true);
      const got = sink.finish()!;
      expect(got.samples).toBeInstanceOf(depth === 8 ? Uint8Array : Uint16Array);
      expect(Array.from(got.samples)).toEqual(data);
      expect([got.min, got.max]).toEqual([Math.min(...data), Math.max(...data)]);
    }
  });
  it('refuses data that stop short, run past the last row, or name no filter', () => {
    const [width, height] = [5, 4];
    const rows = filteredRows(width, height, noise(20, 255), 8);
    const short = new GrayRowSink(width, height, 8);
    expect(short.push(rows.subarray(0, rows.length - 1))).toBe(true);
    expect(short.finish()).toBeNull();
    const long = new GrayRowSink(width, height, 8);
    expect(long.push(Uint8Array.of(...rows, 0))).toBe(false);
    expect(long.finish()).toBeNull();
    const bad = rows.slice();
    bad[(width + 1) * 2] = 5; // row 2's filter byte
    const damaged = new GrayRowSink(width, height, 8);
    expect(damaged.push(bad)).toBe(false);
    expect(damaged.push(rows)).toBe(false); // nothing more is taken
    expect(damaged.finish()).toBeNull();
  });
});
