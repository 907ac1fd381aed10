import { describe, expect, it } from 'vitest';
import { makeHandPng } from './fixtures';
import { browserTestMode, openPage, pickFile, useHarness } from './harness';

const mode = browserTestMode();

const loud = (msg: string) => console.warn(`\n${'!'.repeat(78)}\n!!  ${msg}\n${'!'.repeat(78)}\n`);

describe.skipIf(mode === 'skip')('backends agree', () => {
  const h = useHarness(mode);

  it('(c) the same PNG gives the same estimate (±0.5 months) on webgpu, webgl, wasm and cpu', async () => {
    const png = makeHandPng();
    const results: Array<{ requested: string; used: string; months: number; ms: string }> = [];
    for (const requested of ['webgpu', 'webgl', 'wasm', 'cpu']) {
      const w = await openPage(h, `?backend=${requested}`);
      const used = (await w.page.locator('[data-testid="backend"]').textContent())?.trim() ?? '';
      const outcome = await pickFile(w.page, 'hand.png', png, 'image/png');
      expect(outcome.kind, outcome.text).toBe('result');
      const ms = (await w.page.locator('[data-testid="inference-ms"]').textContent()) ?? '';
      expect(w.foreign).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      await w.page.context().close();
      console.log(`?backend=${requested} → ran on ${used}: ${outcome.months!.toFixed(3)} months, ${ms}`);
      if (used !== requested) {
        if (requested === 'webgpu' || requested === 'webgl') {
          loud(`${requested.toUpperCase()} IS NOT AVAILABLE in this headless Chromium (the page fell back to ${used}); comparing the other backends only.`);
          continue;
        }
        throw new Error(`?backend=${requested} should always work, but the page used ${used}.`);
      }
      results.push({ requested, used, months: outcome.months!, ms });
    }
    expect(results.map((r) => r.used)).toEqual(expect.arrayContaining(['wasm', 'cpu']));
    for (const a of results) {
      for (const b of results) {
        expect(Math.abs(a.months - b.months), `${a.used} ${a.months} vs ${b.used} ${b.months}`).toBeLessThan(0.5);
      }
    }
  });
});
