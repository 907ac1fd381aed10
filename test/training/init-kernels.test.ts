import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitKernelBank, parseKernelJson, parseNpy, readKernelBankFile, toHwio } from '../../training/init-kernels';

/** A .npy file as numpy.save writes it (format 1.0, header padded to a multiple of 64 bytes). */
function npy(shape: number[], values: number[], descr = '<f4'): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(64 - ((10 + header.length + 1) % 64)) + '\n';
  const width = descr === '<f8' ? 8 : 4;
  const out = new Uint8Array(10 + header.length + values.length * width);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  const dv = new DataView(out.buffer, 10 + header.length);
  values.forEach((v, i) => (width === 8 ? dv.setFloat64(8 * i, v, true) : dv.setFloat32(4 * i, v, true)));
  return out;
}

const rms = (xs: ArrayLike<number>) => Math.sqrt(Array.from(xs).reduce((a, v) => a + v * v, 0) / xs.length);

describe('kernel bank files', () => {
  it('reads JSON in HWIO (flat or nested) and refuses a wrong size', () => {
    const b = parseKernelJson(JSON.stringify({ shape: [1, 2, 1, 2], data: [[1, 2], [3, 4]] }));
    expect(b.shape).toEqual([1, 2, 1, 2]);
    expect(Array.from(b.data)).toEqual([1, 2, 3, 4]);
    expect(() => parseKernelJson(JSON.stringify({ shape: [1, 2, 1, 2], data: [1, 2, 3] }))).toThrow(/needs 4 values/);
    expect(() => parseKernelJson('{"shape": [2, 2]}')).toThrow(/"shape" and "data"/);
    expect(() => parseKernelJson('nope')).toThrow(/not JSON/);
  });
  it('reads float32 and float64 .npy and refuses other files', () => {
    const v = Array.from({ length: 24 }, (_, i) => i / 8);
    for (const d of ['<f4', '<f8']) {
      const r = parseNpy(npy([2, 3, 2, 2], v, d));
      expect(r.shape).toEqual([2, 3, 2, 2]);
      expect(Array.from(r.data)).toEqual(v);
    }
    expect(() => parseNpy(new TextEncoder().encode('{"shape": []}'))).toThrow(/magic/);
    expect(() => parseNpy(npy([2], [1, 2], '<i4'))).toThrow(/not supported/);
    expect(() => parseNpy(npy([4], [1, 2]))).toThrow(/needs 16/);
  });
  it('transposes PyTorch [n, cin, kh, kw] to [kh, kw, cin, n]', () => {
    const [n, cin, kh, kw] = [3, 2, 2, 4];
    const oihw = Float32Array.from({ length: n * cin * kh * kw }, (_, i) => i);
    const b = toHwio([n, cin, kh, kw], oihw, 'oihw');
    expect(b.shape).toEqual([kh, kw, cin, n]);
    for (let k = 0; k < n; k++) for (let c = 0; c < cin; c++) for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) {
      expect(b.data[((y * kw + x) * cin + c) * n + k]).toBe(oihw[((k * cin + c) * kh + y) * kw + x]);
    }
    expect(parseKernelJson(JSON.stringify({ shape: [n, cin, kh, kw], data: Array.from(oihw), layout: 'oihw' })).data).toEqual(b.data);
  });
});

describe('readKernelBankFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bank-'));
  const v = Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => i);
  it('reads .npy as PyTorch [n, cin, kh, kw] unless told hwio, and JSON as hwio', () => {
    writeFileSync(join(dir, 'b.npy'), npy([2, 3, 2, 2], v));
    const a = readKernelBankFile(join(dir, 'b.npy'));
    expect([a.layout, a.bank.shape]).toEqual(['oihw', [2, 2, 3, 2]]);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const b = readKernelBankFile(join(dir, 'b.npy'), 'hwio');
    expect([b.layout, b.bank.shape]).toEqual(['hwio', [2, 3, 2, 2]]);
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ shape: [2, 3, 2, 2], data: v }));
    expect(readKernelBankFile(join(dir, 'b.json')).layout).toBe('hwio');
    expect(() => readKernelBankFile(join(dir, 'b.json'), 'nchw' as 'hwio')).toThrow(/hwio or oihw/);
  });
});

describe('fitKernelBank', () => {
  it('averages RGB to gray and, at the same size, keeps each kernel\'s pattern up to one common scale', () => {
    // 3×3 bank, 3 input channels, 2 kernels: channel c of kernel k at pixel p = (p + 1)·(k + 1)·(c + 1).
    const data = new Float32Array(3 * 3 * 3 * 2);
    for (let p = 0; p < 9; p++) for (let c = 0; c < 3; c++) for (let k = 0; k < 2; k++) data[(p * 3 + c) * 2 + k] = (p + 1) * (k + 1) * (c + 1);
    const base = new Float32Array(9 * 4).fill(7);
    const fit = fitKernelBank({ shape: [3, 3, 3, 2], data }, 3, 3, 4, base);
    expect(fit.used).toBe(2);
    expect(fit.channelsAveraged).toBe(3);
    // Gray = mean over c of (p+1)(k+1)(c+1) = 2(p+1)(k+1); ratio between pixels and kernels preserved.
    for (let p = 0; p < 9; p++) {
      expect(fit.kernel[p * 4 + 0]).toBeCloseTo(2 * (p + 1) * fit.scale, 4);
      expect(fit.kernel[p * 4 + 1]).toBeCloseTo(4 * (p + 1) * fit.scale, 4);
      expect(fit.kernel[p * 4 + 2]).toBe(7); // fewer kernels than filters: the rest keep their He values
      expect(fit.kernel[p * 4 + 3]).toBe(7);
    }
    const used = Array.from({ length: 9 }, (_, p) => [fit.kernel[p * 4], fit.kernel[p * 4 + 1]]).flat();
    expect(rms(used)).toBeCloseTo(Math.sqrt(2 / 9), 5);
  });
  it('takes the first filters kernels of a larger bank', () => {
    const data = Float32Array.from({ length: 5 }, (_, k) => k + 1); // 1×1×1×5
    const fit = fitKernelBank({ shape: [1, 1, 1, 5], data }, 1, 1, 2, new Float32Array(2));
    expect(fit.used).toBe(2);
    expect(fit.kernel[1] / fit.kernel[0]).toBeCloseTo(2, 5);
  });
  it('resizes 11×11 to 7×7 bilinearly: a constant stays constant, a horizontal ramp stays a ramp', () => {
    const data = new Float32Array(11 * 11 * 2);
    for (let y = 0; y < 11; y++) for (let x = 0; x < 11; x++) {
      data[(y * 11 + x) * 2] = 1;
      data[(y * 11 + x) * 2 + 1] = x - 5;
    }
    const fit = fitKernelBank({ shape: [11, 11, 1, 2], data }, 7, 7, 2, new Float32Array(98));
    expect(fit.resizedFrom).toEqual([11, 11]);
    const k0 = Array.from({ length: 49 }, (_, p) => fit.kernel[p * 2]);
    for (const v of k0) expect(v).toBeCloseTo(k0[0], 5);
    for (let y = 0; y < 7; y++) {
      const row = Array.from({ length: 7 }, (_, x) => fit.kernel[(y * 7 + x) * 2 + 1]);
      expect(row[3]).toBeCloseTo(0, 5); // centre stays centre
      for (let x = 1; x < 7; x++) expect(row[x] - row[x - 1]).toBeCloseTo(row[1] - row[0], 4);
      expect(row[6]).toBeCloseTo(-row[0], 5);
    }
  });
  it('refuses an all-zero bank and a base of the wrong size', () => {
    expect(() => fitKernelBank({ shape: [1, 1, 3, 1], data: new Float32Array(3) }, 1, 1, 1, new Float32Array(1))).toThrow(/all zero/);
    expect(() => fitKernelBank({ shape: [1, 1, 1, 1], data: new Float32Array([1]) }, 3, 3, 1, new Float32Array(1))).toThrow(/base has/);
  });
});
