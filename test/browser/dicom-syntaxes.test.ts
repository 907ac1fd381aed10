import { describe, expect, it } from 'vitest';
import { makeHandDicom } from './fixtures';
import { type HandSyntax, makeHandDicomAs, makeStructuredReport } from './dicom-syntax-fixtures';
import { browserTestMode, displayedBrightness, dropFile, openPage, pickFile, useHarness, usePage } from './harness';

const mode = browserTestMode();
const SHOTS = process.env.BONEAGE_SCREENSHOTS; // a folder: save screenshots there when set

/** Compressed DICOM in the built page: each codec is bundled, fetched from the page's own origin
 *  only when a file needs it, and gives the uncompressed file's estimate (lossless) or nearly. */
describe.skipIf(mode === 'skip')('compressed DICOM in the built page', () => {
  const h = useHarness(mode);
  const w = usePage(h);
  let reference = NaN;
  const codecRequests = (name: string) => w.requests.filter((url) => url.includes(name));

  it('the uncompressed hand sets the reference, and no codec is fetched for it', async () => {
    const outcome = await pickFile(w.page, 'hand.dcm', makeHandDicom());
    expect(outcome.kind, outcome.text).toBe('result');
    reference = outcome.months!;
    for (const name of ['libjpegturbo', 'charls', 'openjpeg']) expect(codecRequests(name), name).toEqual([]);
  });

  const lossless: Array<[HandSyntax, string | null]> = [
    ['jpeg-lossless', null], // pure JavaScript: no wasm
    ['jpeg-ls', 'charlswasm_decode'],
    ['j2k', 'openjpegwasm_decode'],
    ['rle', null],
    ['deflated', null],
  ];
  for (const [syntax, codec] of lossless) {
    it(`${syntax}: dropped, decoded, estimated exactly as the uncompressed file`, async () => {
      const { page } = w;
      const before = w.requests.length;
      const outcome = await dropFile(page, `hand-${syntax}.dcm`, await makeHandDicomAs(syntax));
      expect(outcome.kind, outcome.text).toBe('result');
      expect(Math.abs(outcome.months! - reference)).toBeLessThan(0.01);
      expect(await page.locator('[data-testid="image-info"]').textContent()).toMatch(/DICOM · 400×500 · 12-bit/);
      expect(await page.locator('[data-testid="pixel-spacing"]').textContent()).toBe('0.143 × 0.143 mm per pixel (Imager Pixel Spacing, at the detector)');
      expect(await page.locator('[data-testid="chronological-age"]').getAttribute('data-months')).toBe('119');
      const brightness = await displayedBrightness(page);
      expect(brightness).toBeGreaterThan(5);
      expect(brightness).toBeLessThan(110);
      const fetched = w.requests.slice(before).filter((url) => /wasm_decode/.test(url));
      if (codec) {
        expect(fetched.some((url) => url.includes(codec)), `${codec} fetched`).toBe(true);
        expect(fetched.every((url) => url.includes(codec)), `only ${codec}: ${fetched.join(', ')}`).toBe(true);
      } else {
        expect(fetched).toEqual([]);
      }
      console.log(`${syntax}: ${outcome.text}`);
      if (SHOTS && syntax === 'j2k') {
        await page.screenshot({ path: `${SHOTS}/dicom-j2k.png` });
        await page.locator('.image-info').screenshot({ path: `${SHOTS}/dicom-j2k-image-info.png` });
      }
    });
  }

  it('jpeg-baseline (lossy 8-bit): dropped and estimated close to the uncompressed file', async () => {
    const outcome = await dropFile(w.page, 'hand-jpeg-baseline.dcm', await makeHandDicomAs('jpeg-baseline'));
    expect(outcome.kind, outcome.text).toBe('result');
    expect(Math.abs(outcome.months! - reference)).toBeLessThan(3);
    expect(codecRequests('libjpegturbowasm_decode').length).toBeGreaterThan(0);
    console.log(`jpeg-baseline: ${outcome.text} (uncompressed ${reference.toFixed(1)})`);
  });

  it('a structured report is refused by name and the page stays usable', async () => {
    const { page } = w;
    const before = await page.locator('[data-testid="bone-age"]').getAttribute('data-months');
    const outcome = await pickFile(page, 'report.dcm', makeStructuredReport());
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toContain('report.dcm');
    expect(outcome.text).toContain('This DICOM file is a structured report (SOP Class 1.2.840.10008.5.1.4.1.1.88.22, modality SR), not an image');
    expect(await page.locator('[data-testid="bone-age"]').getAttribute('data-months')).toBe(before);
    const again = await pickFile(page, 'hand-again.dcm', await makeHandDicomAs('jpeg-lossless'));
    expect(again.kind, again.text).toBe('result');
  });

  it('asks nothing of any other origin and throws nothing uncaught', () => {
    expect(w.foreign).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  });

  it('a codec that cannot be fetched gives a clear message, and the page stays usable', async () => {
    const broken = await openPage(h, '', { setup: (context) => context.route('**/openjpegwasm_decode*.wasm', (route) => route.abort('failed')) });
    const outcome = await dropFile(broken.page, 'hand-j2k.dcm', await makeHandDicomAs('j2k'));
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toContain('The JPEG 2000 (OpenJPEG) decoder could not be loaded, so this DICOM file cannot be shown.');
    const next = await dropFile(broken.page, 'hand-jpeg-ls.dcm', await makeHandDicomAs('jpeg-ls'));
    expect(next.kind, next.text).toBe('result');
    expect(broken.pageErrors).toEqual([]);
  });
});
