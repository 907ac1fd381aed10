import * as tf from '@tensorflow/tfjs-core';

/** Time spent in one kernel name: self time (nested kernel calls subtracted) and call count. */
export interface KernelTime {
  kernel: string;
  calls: number;
  selfMs: number;
}

/**
 * Per-kernel wall-clock timing for a synchronous backend (wasm, cpu): every registered kernel is
 * re-registered behind a wrapper that times it. Kernels that call other kernels through the
 * registry (the project's composed gradient kernels) are charged only their own time, so the
 * table's rows add up to the time spent inside kernels. `stop()` restores the original kernels.
 */
export class KernelProfiler {
  private readonly times = new Map<string, { calls: number; selfMs: number }>();
  private readonly originals: tf.KernelConfig[];
  private childMs: number[] = [];

  /** `byShape`: kernel names whose rows are split by input shapes (e.g. each Conv2D of a network). */
  constructor(private readonly backendName: string, byShape: string[] = []) {
    this.originals = tf.getKernelsForBackend(backendName);
    for (const cfg of this.originals) {
      const inner = cfg.kernelFunc;
      const split = byShape.includes(cfg.kernelName);
      const key = (args: Parameters<tf.KernelFunc>[0]) =>
        split ? `${cfg.kernelName} ${Object.values(args.inputs).map((t) => t?.shape.join('x')).join(' ')}` : cfg.kernelName;
      tf.unregisterKernel(cfg.kernelName, backendName);
      tf.registerKernel({ ...cfg, kernelFunc: (args) => this.timed(key(args), () => inner(args)) });
    }
  }

  private timed<T>(name: string, run: () => T): T {
    this.childMs.push(0);
    const t = performance.now();
    try {
      return run();
    } finally {
      const total = performance.now() - t;
      const nested = this.childMs.pop()!;
      if (this.childMs.length) this.childMs[this.childMs.length - 1] += total;
      const e = this.times.get(name) ?? { calls: 0, selfMs: 0 };
      e.calls++;
      e.selfMs += total - nested;
      this.times.set(name, e);
    }
  }

  reset(): void {
    this.times.clear();
  }

  /** Rows sorted by self time, largest first. */
  table(): KernelTime[] {
    return [...this.times].map(([kernel, e]) => ({ kernel, ...e })).sort((a, b) => b.selfMs - a.selfMs);
  }

  stop(): void {
    for (const cfg of this.originals) {
      tf.unregisterKernel(cfg.kernelName, this.backendName);
      tf.registerKernel(cfg);
    }
  }
}

/** A fixed-width text table: per-step milliseconds and share of the step, with the time outside
 *  kernels (engine, tape, JavaScript) as its own row. */
export function formatKernelTable(rows: KernelTime[], steps: number, stepMs: number): string {
  const inKernels = rows.reduce((a, r) => a + r.selfMs, 0) / steps;
  const lines = [`${'kernel'.padEnd(40)} ${'calls/step'.padStart(10)} ${'ms/step'.padStart(9)} ${'share'.padStart(6)}`];
  const line = (name: string, calls: number, ms: number) =>
    `${name.padEnd(40)} ${calls.toFixed(1).padStart(10)} ${ms.toFixed(2).padStart(9)} ${((100 * ms) / stepMs).toFixed(1).padStart(5)}%`;
  for (const r of rows) lines.push(line(r.kernel, r.calls / steps, r.selfMs / steps));
  lines.push(line('(outside kernels)', 0, Math.max(0, stepMs - inKernels)));
  lines.push(line('(step, mean)', 0, stepMs));
  return lines.join('\n');
}
