import { crc32, deflateSync } from 'node:zlib';

/** A gray PNG (8 or 16 bits) written by hand so that every row filter (None, Sub, Up, Average, Paeth)
 *  occurs: row y uses filter `filters[y % filters.length]`. fast-png's encoder only writes filter 0.
 *  `filters: 'adaptive'` picks each row's filter as libpng does (least sum of absolute filtered bytes),
 *  which is how real radiographs are written (mostly Paeth rows).
 *  `idatChunks` splits the compressed data over that many IDAT chunks. */
export function makeFilteredGrayPng(opts: { width: number; height: number; data: ArrayLike<number>; depth: 8 | 16; filters?: number[] | 'adaptive'; idatChunks?: number; extraChunks?: Array<{ type: string; data: Uint8Array }> }): Uint8Array {
  const { width, height, data, depth } = opts;
  const filters = opts.filters ?? [0, 1, 2, 3, 4];
  const bpp = depth / 8;
  const stride = width * bpp;
  const plain = new Uint8Array(height * stride);
  for (let i = 0; i < width * height; i++) {
    if (depth === 8) plain[i] = data[i];
    else {
      plain[2 * i] = data[i] >> 8;
      plain[2 * i + 1] = data[i] & 255;
    }
  }
  const raw = new Uint8Array(height * (stride + 1));
  const rowOut = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const candidates = filters === 'adaptive' ? [0, 1, 2, 3, 4] : [filters[y % filters.length]];
    let best = Infinity;
    for (const f of candidates) {
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        rowOut[i] = (plain[y * stride + i] - predict(plain, stride, bpp, y, i, f)) & 255;
        cost += rowOut[i] < 128 ? rowOut[i] : 256 - rowOut[i];
      }
      if (cost < best) {
        best = cost;
        raw[y * (stride + 1)] = f;
        raw.set(rowOut, y * (stride + 1) + 1);
      }
    }
  }
  const z = deflateSync(raw);
  const n = opts.idatChunks ?? 1;
  const size = Math.ceil(z.length / n);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([depth, 0, 0, 0, 0], 8);
  const chunks = [chunk('IHDR', ihdr), ...(opts.extraChunks ?? []).map((c) => chunk(c.type, c.data))];
  for (let i = 0; i < n; i++) chunks.push(chunk('IDAT', z.subarray(i * size, (i + 1) * size)));
  chunks.push(chunk('IEND', new Uint8Array(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

/** The PNG predictor of filter `f` for byte i of row y. */
function predict(plain: Uint8Array, stride: number, bpp: number, y: number, i: number, f: number): number {
  const a = i >= bpp ? plain[y * stride + i - bpp] : 0;
  const b = y > 0 ? plain[(y - 1) * stride + i] : 0;
  const c = i >= bpp && y > 0 ? plain[(y - 1) * stride + i - bpp] : 0;
  switch (f) {
    case 0: return 0;
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    default: {
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
  }
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
