/** 12-bit JPEG Extended (T.81 Process 4: sequential DCT, Huffman, SOF1) encoder for tests, one
 *  gray component. Its Huffman tables give every DC category 0–15 a 5-bit code and every AC
 *  symbol (EOB, ZRL, run/size with size 1–14) an 8-bit code: valid (no all-ones code), not
 *  compact. `quality` is a flat quantiser step (1 = finest); optional restart interval in blocks. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49,
  56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

export function encodeJpeg12(samples: ArrayLike<number>, width: number, height: number, step = 2, restartInterval = 0): Uint8Array {
  const out: number[] = [];
  const marker = (m: number) => out.push(0xff, m);
  const u16 = (v: number) => out.push((v >> 8) & 0xff, v & 0xff);
  marker(0xd8);
  // DQT, 16-bit entries (Pq = 1), table 0: DC step 1, AC `step`.
  marker(0xdb);
  u16(2 + 1 + 128);
  out.push(0x10);
  for (let k = 0; k < 64; k++) u16(k === 0 ? 1 : step);
  // SOF1: extended sequential, 12-bit, one component, table 0.
  marker(0xc1);
  u16(11);
  out.push(12);
  u16(height);
  u16(width);
  out.push(1, 1, 0x11, 0);
  const acSymbols = [0x00, 0xf0];
  for (let r = 0; r < 16; r++) for (let s = 1; s <= 14; s++) acSymbols.push((r << 4) | s);
  marker(0xc4);
  u16(2 + 17 + 16 + 17 + acSymbols.length);
  out.push(0x00);
  for (let len = 1; len <= 16; len++) out.push(len === 5 ? 16 : 0);
  for (let c = 0; c < 16; c++) out.push(c);
  out.push(0x10);
  for (let len = 1; len <= 16; len++) out.push(len === 8 ? acSymbols.length : 0);
  out.push(...acSymbols);
  const acCode = new Map(acSymbols.map((sym, i) => [sym, i]));
  if (restartInterval) {
    marker(0xdd);
    u16(4);
    u16(restartInterval);
  }
  marker(0xda);
  u16(8);
  out.push(1, 1, 0x00, 0, 63, 0);

  const bits = new BitWriter(out);
  const category = (v: number) => (v === 0 ? 0 : 32 - Math.clz32(Math.abs(v)));
  const magnitude = (v: number, n: number) => (v >= 0 ? v : v + (1 << n) - 1);
  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  const block = new Float64Array(64);
  let pred = 0;
  for (let n = 0; n < blocksX * blocksY; n++) {
    if (restartInterval && n > 0 && n % restartInterval === 0) {
      bits.flush();
      marker(0xd0 + ((n / restartInterval - 1) & 7));
      pred = 0;
    }
    const bx = (n % blocksX) * 8;
    const by = Math.floor(n / blocksX) * 8;
    // Edge blocks repeat the last row/column (T.81 leaves padding to the encoder).
    const sample = (x: number, y: number) => samples[Math.min(by + y, height - 1) * width + Math.min(bx + x, width - 1)] - 2048;
    for (let v = 0; v < 8; v++) {
      for (let u = 0; u < 8; u++) {
        let s = 0;
        for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) s += sample(x, y) * Math.cos(((2 * x + 1) * u * Math.PI) / 16) * Math.cos(((2 * y + 1) * v * Math.PI) / 16);
        block[v * 8 + u] = 0.25 * (u === 0 ? Math.SQRT1_2 : 1) * (v === 0 ? Math.SQRT1_2 : 1) * s;
      }
    }
    const dc = Math.round(block[0]);
    const diff = dc - pred;
    pred = dc;
    const t = category(diff);
    bits.write(t, 5);
    bits.write(magnitude(diff, t), t);
    let run = 0;
    for (let k = 1; k < 64; k++) {
      const c = Math.round(block[ZIGZAG[k]] / step);
      if (c === 0) {
        run++;
        continue;
      }
      while (run > 15) {
        bits.write(acCode.get(0xf0)!, 8);
        run -= 16;
      }
      const s = category(c);
      bits.write(acCode.get((run << 4) | s)!, 8);
      bits.write(magnitude(c, s), s);
      run = 0;
    }
    if (run > 0) bits.write(acCode.get(0x00)!, 8);
  }
  bits.flush();
  marker(0xd9);
  return Uint8Array.from(out);
}

/** MSB-first bit packer with JPEG byte stuffing, padded with 1s. */
class BitWriter {
  private acc = 0;
  private count = 0;
  constructor(private readonly out: number[]) {}
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) {
        this.out.push(this.acc);
        if (this.acc === 0xff) this.out.push(0);
        this.acc = 0;
        this.count = 0;
      }
    }
  }
  flush(): void {
    while (this.count !== 0) this.write(1, 1);
  }
}
