import type { Page } from 'playwright-core';
import { waitForOutcome, type Outcome } from './harness';

/** Drops a file on the viewer like harness.dropFile, but ships the bytes as base64 (a JSON array of
 *  numbers is slow for the 400 kB DICOM files some tests drop dozens of times). */
export async function dropFileFast(page: Page, name: string, bytes: Uint8Array, type = 'application/octet-stream'): Promise<Outcome> {
  const seq = Number(await page.locator('[data-testid="viewport"]').getAttribute('data-seq')) + 1;
  const dataTransfer = await page.evaluateHandle(
    ({ b64, fileName, mime }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], fileName, { type: mime }));
      return dt;
    },
    { b64: Buffer.from(bytes).toString('base64'), fileName: name, mime: type },
  );
  await page.dispatchEvent('[data-testid="viewport"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="viewport"]', 'drop', { dataTransfer });
  return waitForOutcome(page, seq);
}
