/**
 * First-layer initialisation from a kernel bank (BoNet §4.2 started conv1 from a grayscale average of
 * a pre-trained network's first layer): read a bank (JSON or .npy), bring it to TensorFlow's
 * [kh, kw, cin, n] layout, and fit it to conv1's kernel. All pure but readKernelBankFile.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A kernel bank in TensorFlow's HWIO layout: shape [kh, kw, cin, n], data row-major. */
export interface KernelBank {
  shape: [number, number, number, number];
  data: Float32Array;
}

export type KernelLayout = 'hwio' | 'oihw';

/** What fitKernelBank did, for the model card. */
export interface KernelFit {
  kernel: Float32Array;
  /** Kernels taken from the bank (the first ones); conv1's others keep their He initialisation. */
  used: number;
  /** Input channels averaged into one (3 for an RGB bank). */
  channelsAveraged: number;
  resizedFrom: [number, number];
  /** Factor applied so the kernels' root-mean-square equals the He standard deviation √(2 / fan-in). */
  scale: number;
}

/** `{ "shape": [...], "data": [...] , "layout"?: "hwio" | "oihw" }`; data flat or nested. */
export function parseKernelJson(text: string, layout?: KernelLayout): KernelBank {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`Kernel bank: not JSON (${(e as Error).message}).`);
  }
  const o = v as { shape?: unknown; data?: unknown; layout?: unknown };
  if (!Array.isArray(o.shape) || !Array.isArray(o.data)) throw new Error('Kernel bank JSON needs "shape" and "data" arrays.');
  const fileLayout = o.layout === undefined ? undefined : String(o.layout);
  if (fileLayout !== undefined && fileLayout !== 'hwio' && fileLayout !== 'oihw') throw new Error(`Kernel bank: unknown layout "${fileLayout}" (hwio or oihw).`);
  const data = Float32Array.from((o.data as unknown[]).flat(Infinity) as number[], Number);
  return toHwio(o.shape as number[], data, layout ?? (fileLayout as KernelLayout | undefined) ?? 'hwio');
}

/** A NumPy .npy file (format 1.0–3.0) holding little-endian float32 or float64, C order. */
export function parseNpy(bytes: Uint8Array): { shape: number[]; data: Float32Array } {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) throw new Error('Kernel bank: not a .npy file (no \\x93NUMPY magic).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new Error(`Kernel bank: unreadable .npy header "${header.trim()}".`);
  if (fortran === 'True') throw new Error('Kernel bank: Fortran-order .npy is not supported; save with np.ascontiguousarray.');
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLen;
  const width = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (!width) throw new Error(`Kernel bank: .npy dtype ${descr} is not supported (float32 '<f4' or float64 '<f8').`);
  if (bytes.length - offset < count * width) throw new Error(`Kernel bank: .npy holds ${bytes.length - offset} bytes of data, shape ${JSON.stringify(shape)} needs ${count * width}.`);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = width === 4 ? view.getFloat32(offset + 4 * i, true) : view.getFloat64(offset + 8 * i, true);
  return { shape, data };
}

/** Validates a 4-d bank and transposes PyTorch's [n, cin, kh, kw] (oihw) to [kh, kw, cin, n]. */
export function toHwio(shape: number[], data: Float32Array, layout: KernelLayout): KernelBank {
  if (shape.length !== 4 || shape.some((d) => !Number.isInteger(d) || d < 1)) throw new Error(`Kernel bank: shape must be 4 positive integers (got ${JSON.stringify(shape)}).`);
  const count = shape.reduce((a, b) => a * b, 1);
  if (data.length !== count) throw new Error(`Kernel bank: shape ${JSON.stringify(shape)} needs ${count} values, the file has ${data.length}.`);
  if (data.some((v) => !Number.isFinite(v))) throw new Error('Kernel bank: data holds a non-finite value.');
  if (layout === 'hwio') return { shape: shape as KernelBank['shape'], data };
  const [n, cin, kh, kw] = shape;
  const out = new Float32Array(count);
  for (let k = 0; k < n; k++)
    for (let c = 0; c < cin; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) out[((y * kw + x) * cin + c) * n + k] = data[((k * cin + c) * kh + y) * kw + x];
  return { shape: [kh, kw, cin, n], data: out };
}

/**
 * Fits a bank to a one-input-channel conv kernel [kh, kw, 1, filters] whose He-initialised values are
 * `base`: averages the bank's input channels (RGB → gray, as the paper did), resizes each kernel
 * bilinearly with pixel centres aligned (as an image is resized) when its size differs, scales the
 * whole bank so its RMS is √(2 / (kh·kw)) — the He standard deviation the rest of the network's
 * initialisation assumes — and writes its first min(n, filters) kernels over `base`.
 */
export function fitKernelBank(bank: KernelBank, kh: number, kw: number, filters: number, base: Float32Array): KernelFit {
  if (base.length !== kh * kw * filters) throw new Error(`fitKernelBank: base has ${base.length} values, [${kh}, ${kw}, 1, ${filters}] needs ${kh * kw * filters}.`);
  const [bh, bw, cin, n] = bank.shape;
  const used = Math.min(n, filters);
  const gray = new Float32Array(bh * bw * used); // [bh, bw, used]
  for (let p = 0; p < bh * bw; p++)
    for (let k = 0; k < used; k++) {
      let s = 0;
      for (let c = 0; c < cin; c++) s += bank.data[(p * cin + c) * n + k];
      gray[p * used + k] = s / cin;
    }
  const resized = new Float32Array(kh * kw * used);
  const src = (dst: number, from: number, to: number) => Math.min(from - 1, Math.max(0, ((dst + 0.5) * from) / to - 0.5));
  for (let y = 0; y < kh; y++) {
    const sy = src(y, bh, kh), y0 = Math.floor(sy), y1 = Math.min(bh - 1, y0 + 1), fy = sy - y0;
    for (let x = 0; x < kw; x++) {
      const sx = src(x, bw, kw), x0 = Math.floor(sx), x1 = Math.min(bw - 1, x0 + 1), fx = sx - x0;
      for (let k = 0; k < used; k++) {
        const g = (yy: number, xx: number) => gray[(yy * bw + xx) * used + k];
        resized[(y * kw + x) * used + k] = (1 - fy) * ((1 - fx) * g(y0, x0) + fx * g(y0, x1)) + fy * ((1 - fx) * g(y1, x0) + fx * g(y1, x1));
      }
    }
  }
  const rms = Math.sqrt(resized.reduce((a, v) => a + v * v, 0) / resized.length);
  if (!(rms > 0)) throw new Error('Kernel bank: the kernels are all zero after averaging the input channels.');
  const scale = Math.sqrt(2 / (kh * kw)) / rms;
  const kernel = base.slice();
  for (let p = 0; p < kh * kw; p++) for (let k = 0; k < used; k++) kernel[p * filters + k] = resized[p * used + k] * scale;
  return { kernel, used, channelsAveraged: cin, resizedFrom: [bh, bw], scale };
}

/** Reads a bank from a .json or .npy file. Layout: the option, else the JSON's "layout", else hwio
 *  for JSON and oihw (PyTorch's conv weight) for .npy. */
export function readKernelBankFile(path: string, layout?: KernelLayout): { bank: KernelBank; layout: KernelLayout; sha256: string } {
  if (layout !== undefined && layout !== 'hwio' && layout !== 'oihw') throw new Error(`--init-kernels-layout must be hwio or oihw (got "${layout}").`);
  const bytes = new Uint8Array(readFileSync(path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (path.toLowerCase().endsWith('.npy')) {
    const { shape, data } = parseNpy(bytes);
    const l = layout ?? 'oihw';
    return { bank: toHwio(shape, data, l), layout: l, sha256 };
  }
  const text = new TextDecoder().decode(bytes);
  const bank = parseKernelJson(text, layout);
  return { bank, layout: layout ?? (JSON.parse(text) as { layout?: KernelLayout }).layout ?? 'hwio', sha256 };
}
