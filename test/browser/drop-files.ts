import type { Page } from 'playwright-core';

export interface FileSpec {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** Drops several files on the viewer at once, as a drag of a selection from the desktop would. */
export async function dropFiles(page: Page, files: FileSpec[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
      return dt;
    },
    files.map((f) => ({ name: f.name, data: Array.from(f.bytes), type: f.type ?? 'application/octet-stream' })),
  );
  await page.dispatchEvent('[data-testid="viewport"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="viewport"]', 'drop', { dataTransfer });
}

/** Sends a few byte arrays into the page once (window.__testBytes[name]), so many files can be made from them there. */
export async function stashBytes(page: Page, arrays: Record<string, Uint8Array>): Promise<void> {
  await page.evaluate((all) => {
    const w = window as unknown as { __testBytes: Record<string, Uint8Array<ArrayBuffer>> };
    w.__testBytes = {};
    for (const [k, v] of Object.entries(all)) w.__testBytes[k] = Uint8Array.from(v);
  }, Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, Array.from(v)])));
}

/** Drops `names.length` files made in the page from stashed bytes: file i is `${prefix}${i}` with the bytes of stash[names[i]]. */
export async function dropStashed(page: Page, names: string[], prefix: string, first = 0): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ list, prefix: p, first: f }) => {
      const w = window as unknown as { __testBytes: Record<string, Uint8Array<ArrayBuffer>> };
      const dt = new DataTransfer();
      list.forEach((key, i) => dt.items.add(new File([w.__testBytes[key]], `${p}${f + i}-${key}`)));
      return dt;
    },
    { list: names, prefix, first },
  );
  await page.dispatchEvent('[data-testid="viewport"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="viewport"]', 'drop', { dataTransfer });
}

/** Waits until the worklist has `total` cases and none is still queued, reading or estimating. */
export async function waitForWorklist(page: Page, total: number, timeout = 300_000): Promise<{ total: number; done: number; failed: number }> {
  const handle = await page.waitForFunction(
    (n) => {
      const c = window.__boneage!.cases();
      return c.total === n && c.done + c.failed === n ? c : null;
    },
    total,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as { total: number; done: number; failed: number };
}

export interface MemoryFigures {
  /** V8 heap in use after a full garbage collection. */
  heapMB: number;
  /** ArrayBuffer backing stores (typed arrays: decoded pixels, wasm memory), which live outside that heap. */
  buffersMB: number;
  tensors: number;
  /** Decoded images the page holds. */
  held: number;
}

/** Memory after a full garbage collection (Chromium DevTools protocol), and the tensor count. */
export async function measureMemory(page: Page): Promise<MemoryFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, backingStorageSize } = await cdp.send('Runtime.getHeapUsage');
    const { tensors, held } = await page.evaluate(() => ({ tensors: window.__boneage!.numTensors(), held: window.__boneage!.images().held }));
    return { heapMB: usedSize / 2 ** 20, buffersMB: (backingStorageSize ?? Number.NaN) / 2 ** 20, tensors, held };
  } finally {
    await cdp.detach();
  }
}
