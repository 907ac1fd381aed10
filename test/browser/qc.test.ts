import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flipHorizontal } from '../../core/qc/transforms';
import type { GrayImage } from '../../core/pipeline/types';
import { syntheticLeftHand } from '../../training/qc/synthetic-hand';
import { makePng } from '../helpers/make-png';
import { browserTestMode, pickFile, useHarness, usePage } from './harness';

const mode = browserTestMode();

const png = (img: GrayImage) => makePng({ width: img.width, height: img.height, channels: 1, data: Array.from(img.data, (v) => Math.round(v)) });

/** Waits until quality control has answered for case `seq`; returns its state and flags. */
async function qcOf(page: Page, seq: number): Promise<{ state: string; codes: string[]; text: string }> {
  const handle = await page.waitForFunction(
    (s) => {
      if (!document.querySelector(`[data-testid="bone-age"][data-seq="${s}"]`)) return null;
      const el = document.querySelector('[data-testid="qc-state"]');
      const state = el?.getAttribute('data-qc');
      if (!state || state === 'pending') return null;
      const flags = [...document.querySelectorAll('[data-testid="qc-flag"]')];
      return { state, codes: flags.map((f) => f.getAttribute('data-code') ?? ''), text: flags.map((f) => f.textContent).join(' ') };
    },
    seq,
    { timeout: 60_000, polling: 100 },
  );
  return (await handle.jsonValue()) as { state: string; codes: string[]; text: string };
}

describe.skipIf(mode === 'skip')('quality control on the page', () => {
  const h = useHarness(mode);
  const w = usePage(h);

  it('flags a blank image with the reason and withholds its estimate until asked', async () => {
    const blank = { width: 300, height: 400, data: new Float32Array(300 * 400).fill(128) };
    const outcome = await pickFile(w.page, 'blank.png', png(blank), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    const qc = await qcOf(w.page, outcome.seq);
    expect(qc.state).toBe('flagged');
    expect(qc.codes).toContain('not-hand');
    expect(qc.text).toMatch(/blank/i);
    expect(await w.page.locator('[data-testid="qc-withheld"]').count()).toBe(1);
    // The comparison and the report text say it too (they are arithmetic on the doubted estimate).
    expect(await w.page.locator('[data-testid="comparison-cautions"]').textContent()).toMatch(/quality check flagged this image/);
    expect(await w.page.locator('[data-testid="report-text"]').textContent()).toMatch(/CAUTION: The automated quality check flagged this image/);
    await w.page.locator('[data-testid="qc-show-anyway"]').click();
    expect(await w.page.locator('[data-testid="qc-overridden"] [data-testid="bone-age"]').count()).toBe(1);
    expect(await w.page.locator('[data-testid="qc-flags"]').isVisible()).toBe(true); // the flag stays
  });

  it('accepts a generated left hand and shows a 90% interval around the estimate', async () => {
    const outcome = await pickFile(w.page, 'left-hand.png', png(syntheticLeftHand(400, 500, 100_007)), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    const qc = await qcOf(w.page, outcome.seq);
    expect(qc, JSON.stringify(qc)).toMatchObject({ state: 'ok', codes: [] });
    const iv = w.page.locator('[data-testid="bone-age-interval"]');
    expect(await iv.textContent()).toMatch(/90% prediction interval \d+–\d+ months/);
    const lo = Number(await iv.getAttribute('data-lo')), hi = Number(await iv.getAttribute('data-hi'));
    expect(lo).toBeLessThanOrEqual(outcome.months!);
    expect(hi).toBeGreaterThan(outcome.months!);
    expect(hi - lo).toBeGreaterThan(1);
  });

  it('flags a mirrored hand and re-scores it flipped when asked', async () => {
    const right = flipHorizontal(syntheticLeftHand(400, 500, 100_011));
    const outcome = await pickFile(w.page, 'right-hand.png', png(right), 'image/png');
    const qc = await qcOf(w.page, outcome.seq);
    expect(qc.codes, JSON.stringify(qc)).toContain('mirrored');
    await w.page.locator('[data-testid="qc-flip"]').click();
    const flipped = await qcOf(w.page, outcome.seq + 1);
    expect(flipped.state, JSON.stringify(flipped)).toBe('ok');
    expect(await w.page.locator('[data-testid="image-info"]').textContent()).toMatch(/flipped/);
  });

  it('raised no page errors', () => {
    expect(w.pageErrors).toEqual([]);
  });
});
