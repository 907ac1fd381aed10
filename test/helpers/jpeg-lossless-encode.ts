/** JPEG Lossless (ITU T.81 Process 14, Huffman, non-hierarchical) encoder for tests: one
 *  component, any predictor 1–7 (SV1 is DICOM's 1.2.840.10008.1.2.4.70), precision 2–16, no point
 *  transform. Its Huffman table gives each difference category 0–16 a 5-bit code, which is
 *  valid (no all-ones code) if not compact. An optional restart interval must be a whole number
 *  of rows (T.81 H.1.1: each restart starts predicting afresh, like the first row). */
export function encodeJpegLossless(
  samples: ArrayLike<number>,
  width: number,
  height: number,
  precision: number,
  predictor = 1,
  restartInterval = 0,
): Uint8Array {
  const out: number[] = [];
  const marker = (m: number) => out.push(0xff, m);
  const u16 = (v: number) => out.push((v >> 8) & 0xff, v & 0xff);

  marker(0xd8); // SOI
  // SOF3: lossless, Huffman.
  marker(0xc3);
  u16(11);
  out.push(precision);
  u16(height);
  u16(width);
  out.push(1, 1, 0x11, 0);
  // DHT: DC table 0, 17 codes of length 5 (categories 0..16).
  marker(0xc4);
  u16(2 + 1 + 16 + 17);
  out.push(0x00);
  for (let len = 1; len <= 16; len++) out.push(len === 5 ? 17 : 0);
  for (let c = 0; c <= 16; c++) out.push(c);
  if (restartInterval) {
    marker(0xdd);
    u16(4);
    u16(restartInterval);
  }
  // SOS: 1 component, table 0, Ss = predictor, Se = 0, Ah/Al = 0.
  marker(0xda);
  u16(8);
  out.push(1, 1, 0x00, predictor, 0, 0);

  const bits = new BitWriter(out);
  const mod = 1 << 16;
  const at = (x: number, y: number) => samples[y * width + x];
  let rowStart = 0; // first row after a restart predicts like the image's first row
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const n = y * width + x;
      if (restartInterval && n > 0 && n % restartInterval === 0) {
        bits.flush();
        marker(0xd0 + ((n / restartInterval - 1) & 7));
        rowStart = y;
      }
      const firstLine = y === rowStart;
      // T.81 H.1.2.1: predictions at the image (or restart) start, first row and first column.
      let prediction: number;
      if (firstLine && x === 0) prediction = 1 << (precision - 1);
      else if (firstLine) prediction = at(x - 1, y);
      else if (x === 0) prediction = at(x, y - 1);
      else prediction = predict(predictor, at(x - 1, y), at(x, y - 1), at(x - 1, y - 1));
      let diff = (at(x, y) - prediction) % mod;
      if (diff >= 32768) diff -= mod;
      if (diff < -32767) diff += mod;
      const category = diff === 0 ? 0 : diff === 32768 ? 16 : 32 - Math.clz32(Math.abs(diff));
      bits.write(category, 5);
      if (category > 0 && category < 16) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
    }
  }
  bits.flush();
  marker(0xd9); // EOI
  return Uint8Array.from(out);
}

function predict(sv: number, ra: number, rb: number, rc: number): number {
  switch (sv) {
    case 1: return ra;
    case 2: return rb;
    case 3: return rc;
    case 4: return ra + rb - rc;
    case 5: return ra + ((rb - rc) >> 1);
    case 6: return rb + ((ra - rc) >> 1);
    case 7: return (ra + rb) >> 1;
    default: throw new Error(`predictor ${sv}`);
  }
}

/** MSB-first bit packer with JPEG byte stuffing (0xFF is followed by 0x00), padded with 1s. */
class BitWriter {
  private acc = 0;
  private count = 0;
  constructor(private readonly out: number[]) {}
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.emit();
    }
  }
  flush(): void {
    while (this.count !== 0) this.write(1, 1);
  }
  private emit(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0);
    this.acc = 0;
    this.count = 0;
  }
}
