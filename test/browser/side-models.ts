import type { Page } from 'playwright-core';

/** Waits until the QC model and the TW-region localiser have finished loading (or failed): they load
 *  after the age model, and their weights must not be read as tensor growth by a before/after count. */
export async function waitForSideModels(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __boneage: { sideModels(): { qc: string; localiser: string } } }).__boneage.sideModels();
    return m.qc !== 'loading' && m.localiser !== 'idle' && m.localiser !== 'loading';
  }, undefined, { timeout: 120_000 });
}
