import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_FILE_BYTES, badInputs, makeSparseFile, pageExpectation } from '../helpers/bad-inputs';
import { makeHandDicom, makeHandJpeg, makeHandPng } from './fixtures';
import { dropFileFast as dropFile } from './drop';
import { browserTestMode, useHarness, usePage, waitForOutcome, type Outcome } from './harness';

const mode = browserTestMode();

const GOOD = [
  { name: 'hand.png', bytes: makeHandPng(), type: 'image/png' },
  { name: 'hand.dcm', bytes: makeHandDicom(), type: 'application/dicom' },
  { name: 'hand.jpg', bytes: makeHandJpeg(), type: 'image/jpeg' },
];

describe.skipIf(mode === 'skip')('bad input dropped into the page, between good files', () => {
  const h = useHarness(mode);
  const w = usePage(h, '?backend=wasm');
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'boneage-bad-'));
  });

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The estimate on screen: which file it belongs to and its value. */
  const shownResult = () =>
    w.page.evaluate(() => {
      const el = document.querySelector('[data-testid="bone-age"]');
      return el ? { seq: el.getAttribute('data-seq'), months: el.getAttribute('data-months') } : null;
    });

  it('answers every bad file with its own clear message, keeps the earlier result, and reads the next good file', async () => {
    const { page } = w;
    let good = 0;
    const dropGood = async (): Promise<Outcome> => {
      const g = GOOD[good++ % GOOD.length];
      const outcome = await dropFile(page, g.name, g.bytes, g.type);
      expect(outcome.kind, `${g.name}: ${outcome.text}`).toBe('result');
      return outcome;
    };
    await dropGood();

    for (const input of badInputs()) {
      const before = await shownResult();
      expect(before).not.toBeNull();
      const expectation = pageExpectation(input);
      const outcome = await dropFile(page, input.fileName, input.bytes());
      if ('decodes' in expectation) {
        // 16-bit PNG, colour photo: read and estimated like any image (judging them is quality control's job).
        expect(outcome.kind, `${input.id}: ${outcome.text}`).toBe('result');
      } else {
        expect(outcome.kind, `${input.id}: ${outcome.text}`).toBe('error');
        expect(outcome.text, input.id).toContain(`Could not open “${input.fileName}”: `);
        expect(outcome.text.slice(outcome.text.indexOf('”: ') + 3), input.id).toMatch(expectation.message);
        // Nothing lost: the previous estimate is still the one on screen.
        expect(await shownResult(), input.id).toEqual(before);
      }
      console.log(`${input.id}: ${outcome.kind === 'result' ? `estimated, ${outcome.text}` : outcome.text}`);
      await dropGood();
    }
    expect(w.pageErrors, 'uncaught exceptions in the page').toEqual([]);
  });

  it('refuses a 200 MB file from its size, and stays usable', async () => {
    const { page } = w;
    const before = await shownResult();
    const path = makeSparseFile(join(dir, 'huge-scan.dcm'), BIG_FILE_BYTES);
    const seq = Number(await page.locator('[data-testid="viewport"]').getAttribute('data-seq')) + 1;
    const t = performance.now();
    // From a path: Chromium reads the file from disk itself (200 MB through the test protocol would not be a page test).
    await page.locator('[data-testid="file-input"]').setInputFiles(path);
    const outcome = await waitForOutcome(page, seq);
    const ms = performance.now() - t;
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toBe('Could not open “huge-scan.dcm”: This file is too large to open (200 MB; the limit is 128 MB). Please export a smaller image.');
    expect(await shownResult()).toEqual(before);
    console.log(`200 MB file refused in ${ms.toFixed(0)} ms: ${outcome.text}`);
    const next = await dropFile(page, 'hand.png', GOOD[0].bytes, 'image/png');
    expect(next.kind).toBe('result');
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});
