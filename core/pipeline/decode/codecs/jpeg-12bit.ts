import { ImageDecodeError } from '../errors';
import type { DecodedFrame } from './decoded-frame';

/** 12-bit JPEG Extended (ITU T.81 Process 4: sequential DCT, Huffman) for one gray component, the
 *  form DICOM 1.2.840.10008.1.2.4.51 takes for 12-bit radiographs. No npm package decodes it
 *  (libjpeg-turbo's wasm build is 8-bit only), and the algorithm is short: Huffman-decode each
 *  8×8 block, dequantise, inverse DCT, add the level shift. Colour and progressive streams are
 *  refused. 8-bit sequential streams decode too (the tests check it against libjpeg-turbo), but
 *  the page sends those to libjpeg-turbo. */
export function decodeJpeg12(bytes: Uint8Array): DecodedFrame {
  const damaged = (why: string) => new ImageDecodeError('corrupt', `The 12-bit JPEG Extended pixel data of this DICOM file is damaged: ${why}.`);
  const quant: Array<Int32Array | undefined> = [];
  const dcTables: Array<Huffman | undefined> = [];
  const acTables: Array<Huffman | undefined> = [];
  let frame: { width: number; height: number; precision: number; quantId: number; componentId: number } | undefined;
  let restartInterval = 0;
  let at = 2;
  const u16 = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw damaged('it does not start with a JPEG start-of-image marker');
  for (;;) {
    if (at + 4 > bytes.length) throw damaged('it ends before its image data');
    if (bytes[at] !== 0xff) throw damaged('its marker structure is broken');
    const marker = bytes[at + 1];
    if (marker === 0xff) { at++; continue; }
    const length = u16(at + 2);
    const end = at + 2 + length;
    if (end > bytes.length) throw damaged('a marker segment runs past the end');
    const seg = at + 4;
    if (marker === 0xdb) {
      for (let p = seg; p < end; ) {
        const wide = bytes[p] >> 4;
        const id = bytes[p] & 15;
        const table = new Int32Array(64);
        for (let k = 0; k < 64; k++) table[ZIGZAG[k]] = wide ? u16(p + 1 + 2 * k) : bytes[p + 1 + k];
        quant[id] = table;
        p += 1 + 64 * (wide ? 2 : 1);
      }
    } else if (marker === 0xc4) {
      for (let p = seg; p < end; ) {
        const cls = bytes[p] >> 4;
        const id = bytes[p] & 15;
        const counts = bytes.subarray(p + 1, p + 17);
        const total = counts.reduce((a, b) => a + b, 0);
        const table = buildHuffman(counts, bytes.subarray(p + 17, p + 17 + total));
        (cls === 0 ? dcTables : acTables)[id] = table;
        p += 17 + total;
      }
    } else if (marker === 0xc0 || marker === 0xc1) {
      const components = bytes[seg + 5];
      if (components !== 1) throw unsupported(`${components} colour components`);
      // With one component the sampling factors do not change the block layout (T.81 A.2.1).
      frame = { precision: bytes[seg], height: u16(seg + 1), width: u16(seg + 3), componentId: bytes[seg + 6], quantId: bytes[seg + 8] };
      if (frame.precision !== 8 && frame.precision !== 12) throw damaged(`its sample precision is ${frame.precision} bits`);
    } else if (marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      throw unsupported('a progressive, lossless or arithmetic-coded JPEG process');
    } else if (marker === 0xdd) {
      restartInterval = u16(seg);
    } else if (marker === 0xda) {
      if (!frame) throw damaged('its image data comes before the frame header');
      const selector = bytes[seg + 2];
      const dc = dcTables[selector >> 4];
      const ac = acTables[selector & 15];
      const q = quant[frame.quantId];
      if (!dc || !ac || !q) throw damaged('a table its scan needs is missing');
      return decodeScan(bytes, end, frame, q, dc, ac, restartInterval, damaged);
    } else if (marker === 0xd9) {
      throw damaged('it ends before any image data');
    }
    at = end;
  }
}

const unsupported = (what: string) =>
  new ImageDecodeError('unsupported', `This DICOM file holds a 12-bit JPEG Extended image with ${what}, which is not supported.`);

/** Zig-zag order: ZIGZAG[k] is the natural (row-major) index of the k-th coefficient. */
const ZIGZAG = Int32Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49,
  56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);

/** T.81 F.2.2.3: per code length, the largest code and where its values start; plus a lookup of
 *  the next LOOKAHEAD bits → (length << 8 | value) for the codes that short (0: longer code). */
interface Huffman {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
  fast: Int32Array;
}

const LOOKAHEAD = 9;

function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    valPtr[len] = k;
    minCode[len] = code;
    code += counts[len - 1];
    k += counts[len - 1];
    maxCode[len] = counts[len - 1] ? code - 1 : -1;
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  const fast = new Int32Array(1 << LOOKAHEAD);
  for (let len = 1; len <= LOOKAHEAD; len++) {
    for (let c = minCode[len]; c <= maxCode[len]; c++) {
      const value = values[valPtr[len] + c - minCode[len]];
      const shift = LOOKAHEAD - len;
      for (let fill = 0; fill < 1 << shift; fill++) fast[(c << shift) | fill] = (len << 8) | value;
    }
  }
  return { maxCode, valPtr, minCode, values: values.slice(), fast };
}

/** IDCT basis: C[x][u] = c(u)/2 · cos((2x+1)uπ/16). */
const BASIS = (() => {
  const t = new Float64Array(64);
  for (let x = 0; x < 8; x++) for (let u = 0; u < 8; u++) t[x * 8 + u] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  return t;
})();

function decodeScan(
  bytes: Uint8Array,
  start: number,
  { width, height, precision }: { width: number; height: number; precision: number },
  q: Int32Array,
  dc: Huffman,
  ac: Huffman,
  restartInterval: number,
  damaged: (why: string) => ImageDecodeError,
): DecodedFrame {
  let pos = start;
  // Bits not yet used sit in the low `bitCount` bits of bitBuf (at most 24 + 8).
  let bitBuf = 0;
  let bitCount = 0;
  let atMarker = false;
  const fill = (n: number): void => {
    while (bitCount < n) {
      let byte = 0;
      if (!atMarker && pos < bytes.length) {
        byte = bytes[pos];
        if (byte === 0xff) {
          if (bytes[pos + 1] === 0) pos += 2;
          else atMarker = true; // a marker: feed zeros; running out shows as damage below
        } else {
          pos++;
        }
      } else if (!atMarker) {
        throw damaged('its image data ends early');
      }
      if (atMarker) byte = 0;
      bitBuf = ((bitBuf << 8) | byte) >>> 0;
      bitCount += 8;
    }
  };
  const receive = (n: number): number => {
    if (n === 0) return 0;
    fill(n);
    bitCount -= n;
    return (bitBuf >>> bitCount) & ((1 << n) - 1);
  };
  const extend = (v: number, n: number): number => (n === 0 ? 0 : v < 1 << (n - 1) ? v - (1 << n) + 1 : v);
  const decodeSymbol = (h: Huffman): number => {
    fill(LOOKAHEAD);
    const hit = h.fast[(bitBuf >>> (bitCount - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1)];
    if (hit) {
      bitCount -= hit >> 8;
      return hit & 0xff;
    }
    let code = receive(1);
    let len = 1;
    while (code > h.maxCode[len]) {
      code = (code << 1) | receive(1);
      if (++len > 16) throw damaged('it holds an invalid Huffman code');
    }
    return h.values[h.valPtr[len] + code - h.minCode[len]];
  };

  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  const out = new Uint16Array(width * height);
  const levelShift = 1 << (precision - 1);
  const top = (1 << precision) - 1;
  const coef = new Float64Array(64);
  const tmp = new Float64Array(64);
  let pred = 0;
  for (let n = 0; n < blocksX * blocksY; n++) {
    if (restartInterval && n > 0 && n % restartInterval === 0) {
      // Restart: drop buffered bits (the padding), skip RSTn, reset the DC predictor.
      bitCount = 0;
      bitBuf = 0;
      atMarker = false;
      while (pos + 1 < bytes.length && !(bytes[pos] === 0xff && bytes[pos + 1] >= 0xd0 && bytes[pos + 1] <= 0xd7)) pos++;
      pos += 2;
      pred = 0;
    }
    coef.fill(0);
    const t = decodeSymbol(dc);
    pred += extend(receive(t), t);
    coef[0] = pred * q[0];
    for (let k = 1; k < 64; ) {
      const rs = decodeSymbol(ac);
      const r = rs >> 4;
      const s = rs & 15;
      if (s === 0) {
        if (r !== 15) break;
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) throw damaged('a block has more than 64 coefficients');
      const z = ZIGZAG[k];
      coef[z] = extend(receive(s), s) * q[z];
      k++;
    }
    // Separable inverse DCT: rows then columns (all-zero rows, common in smooth areas, stay zero).
    for (let y = 0; y < 8; y++) {
      let any = false;
      for (let u = 0; u < 8; u++) if (coef[y * 8 + u] !== 0) any = true;
      if (!any) {
        for (let x = 0; x < 8; x++) tmp[y * 8 + x] = 0;
        continue;
      }
      for (let x = 0; x < 8; x++) {
        let s = 0;
        for (let u = 0; u < 8; u++) s += BASIS[x * 8 + u] * coef[y * 8 + u];
        tmp[y * 8 + x] = s;
      }
    }
    const bx = (n % blocksX) * 8;
    const by = Math.floor(n / blocksX) * 8;
    for (let x = 0; x < 8; x++) {
      if (bx + x >= width) break;
      for (let y = 0; y < 8; y++) {
        if (by + y >= height) break;
        let s = 0;
        for (let v = 0; v < 8; v++) s += BASIS[y * 8 + v] * tmp[v * 8 + x];
        const value = Math.round(s + levelShift);
        out[(by + y) * width + bx + x] = value < 0 ? 0 : value > top ? top : value;
      }
    }
  }
  return { width, height, components: 1, bitsPerSample: precision, samples: out, planar: false };
}
