import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signed } from '../../src/age/format';
import { sdForAge, verdictOf } from '../../src/age/sds';
import { makeHandDicom, makeHandPng } from './fixtures';
import { browserTestMode, pickFile, useHarness, usePage } from './harness';

const mode = browserTestMode();
/** Screenshots of the reading view and of print media, to look at (BONEAGE_SCREENSHOTS overrides). */
const SHOTS = process.env.BONEAGE_SCREENSHOTS ?? join(tmpdir(), 'boneage-reading-report');

/** The synthetic hand as a 12-bit DICOM of a boy born 2015-03-10, imaged 2025-03-09 (119 completed months). */
function boyDicom(): Uint8Array {
  return makeHandDicom([
    { tag: 0x00100010, vr: 'PN', value: 'Synthetic^Hand' },
    { tag: 0x00100020, vr: 'LO', value: 'TEST-0042' },
    { tag: 0x00100030, vr: 'DA', value: '20150310' }, // PatientBirthDate
    { tag: 0x00100040, vr: 'CS', value: 'M' }, // PatientSex
    { tag: 0x00080020, vr: 'DA', value: '20250309' }, // StudyDate
    { tag: 0x00281050, vr: 'DS', value: '2048' },
    { tag: 0x00281051, vr: 'DS', value: '4096' },
  ]);
}

const tid = (id: string, within?: string) => (within ? `[data-testid="${within}"] [data-testid="${id}"]` : `[data-testid="${id}"]`);

async function waitForAttr(page: Page, selector: string, attr: string, value: string): Promise<void> {
  await page.waitForFunction(
    ({ s, a, v }) => document.querySelector(s)?.getAttribute(a) === v,
    { s: selector, a: attr, v: value },
    { timeout: 10_000 },
  );
}

/** What the page shows, read back from its data attributes. */
async function shown(page: Page) {
  const attr = (id: string, a: string) => page.locator(tid(id, 'comparison-panel')).getAttribute(a);
  return {
    chrono: Number(await attr('chronological-age', 'data-months')),
    sd: Number(await attr('sd-for-age', 'data-months')),
    sds: Number(await attr('sds', 'data-sds')),
    sdsText: (await page.locator(tid('sds', 'comparison-panel')).textContent())?.trim(),
    verdict: await attr('verdict', 'data-verdict'),
    report: (await page.locator(tid('report-text')).textContent()) ?? '',
  };
}

describe.skipIf(mode === 'skip')('reading and report: DICOM with birth date, study date and sex', () => {
  const h = useHarness(mode);
  const w = usePage(h, '', { setup: (context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.origin }) });
  let boneAge = NaN;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
  });

  it('shows chronological age, bone age, SD for age, SDS and verdict from the file', async () => {
    const { page } = w;
    const outcome = await pickFile(page, 'boy.dcm', boyDicom());
    expect(outcome.kind, outcome.text).toBe('result');
    boneAge = outcome.months!;
    expect(await page.locator(tid('patient-sex')).inputValue()).toBe('M');
    expect(await page.locator(tid('patient-birth-date')).inputValue()).toBe('2015-03-10');
    expect(await page.locator(tid('patient-study-date')).inputValue()).toBe('2025-03-09');

    const s = await shown(page);
    expect(s.chrono).toBe(119);
    const sd = (sdForAge('M', 119) as { sdMonths: number }).sdMonths; // 9.00 + 11/12 × 0.79
    expect(sd).toBeCloseTo(9.7242, 3);
    expect(s.sd).toBeCloseTo(sd, 3);
    const sds = (boneAge - 119) / sd;
    expect(s.sds).toBeCloseTo(sds, 3);
    expect(s.sdsText).toBe(signed(sds, 2));
    expect(s.verdict).toBe(verdictOf(sds));
    expect(await page.locator(tid('age-difference', 'comparison-panel')).textContent()).toBe(`${signed(boneAge - 119, 1)} months`);
    // The chart marks this case at (119, bone age), with the boys' bands.
    const chart = page.locator(tid('age-chart', 'comparison-panel'));
    expect(await chart.getAttribute('data-sex')).toBe('M');
    expect(await chart.locator(tid('band-2sd')).count()).toBe(1);
    expect(await chart.locator(tid('chart-case-point')).getAttribute('data-x-months')).toBe('119');
    expect(await chart.locator(tid('chart-case-point')).getAttribute('data-y-months')).toBe(boneAge.toFixed(1));

    // The report text holds all of it.
    expect(s.report).toContain('Sex: male.');
    expect(s.report).toContain('Chronological age: 9 years 11 months (119 months).');
    expect(s.report).toContain(`(${boneAge.toFixed(1)} months), estimated by the model`);
    expect(s.report).toMatch(/validated mean absolute error \d+\.\d months/);
    expect(s.report).toContain(`Standard deviation for age (Greulich & Pyle 1959 (Brush Foundation) standard deviations): ${sd.toFixed(1)} months.`);
    expect(s.report).toContain(`Standard deviation score (SDS): ${signed(sds, 2, '-')}.`);
    expect(s.report).toMatch(/IMPRESSION: (Delayed bone age|Advanced bone age|Bone age within normal limits)/);
    // The interval on the page and in the report are one computation, rounded alike.
    const iv = page.locator(tid('bone-age-interval'));
    const [lo, hi] = [Math.round(Number(await iv.getAttribute('data-lo'))), Math.round(Number(await iv.getAttribute('data-hi')))];
    expect(hi - lo).toBeGreaterThan(10);
    expect(await iv.textContent()).toContain(`${lo}–${hi} months`);
    expect(s.report).toMatch(new RegExp(`\\(${boneAge.toFixed(1)} months\\), estimated by .*\\nBone age 90% prediction interval \\(model error, calibrated on held-out cases\\): .* \\(${lo}-${hi} months\\)\\.\\n`));
    console.log(`DICOM boy, 119 months: bone age ${boneAge.toFixed(1)}, SD ${sd.toFixed(2)}, SDS ${sds.toFixed(2)}, ${verdictOf(sds)}`);
    await page.screenshot({ path: join(SHOTS, 'reading-view.png') });
    // Tall enough to show every side panel (chart, report) without scrolling.
    await page.setViewportSize({ width: 1400, height: 2000 });
    await page.waitForTimeout(500); // the viewer redraws image and map on its ResizeObserver
    await page.screenshot({ path: join(SHOTS, 'reading-view-tall.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('copies the report text to the clipboard', async () => {
    const { page } = w;
    await page.locator(tid('copy-report')).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent === 'Copied.', undefined, { timeout: 10_000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const s = await shown(page);
    expect(copied).toBe(s.report);
    expect(copied).toContain('Chronological age: 9 years 11 months (119 months).');
    expect(copied).toContain(`Standard deviation score (SDS): ${signed(s.sds, 2, '-')}.`);
    expect(copied).toMatch(/IMPRESSION: /);
  });

  it('editing the birth date changes the chronological age, SD, SDS and report', async () => {
    const { page } = w;
    const before = await shown(page);
    await page.locator(tid('patient-birth-date')).fill('2012-03-10'); // 155 completed months on 2025-03-09
    await waitForAttr(page, tid('chronological-age', 'comparison-panel'), 'data-months', '155');
    const after = await shown(page);
    const sd = (sdForAge('M', 155) as { sdMonths: number }).sdMonths; // 10.38 + 11/12 × 0.06
    expect(after.sd).toBeCloseTo(sd, 3);
    expect(after.sds).toBeCloseTo((boneAge - 155) / sd, 3);
    expect(after.sds).not.toBeCloseTo(before.sds, 1);
    expect(after.verdict).toBe(verdictOf((boneAge - 155) / sd));
    expect(after.report).toContain('Chronological age: 12 years 11 months (155 months).');
    expect(after.report).toContain(`Standard deviation score (SDS): ${signed((boneAge - 155) / sd, 2, '-')}.`);
    expect(await page.locator('.patient-panel .origin-user').count()).toBeGreaterThan(0); // marked as entered
    // Typing the age directly overrides the dates; "use dates" goes back.
    await page.locator(tid('patient-age-years')).fill('10');
    await waitForAttr(page, tid('chronological-age', 'comparison-panel'), 'data-months', '120');
    expect((await shown(page)).sd).toBeCloseTo(9.79, 3);
    await page.locator(tid('patient-age-clear')).click();
    await waitForAttr(page, tid('chronological-age', 'comparison-panel'), 'data-months', '155');
    // A study date after today (a slip of the year) gives no age, and says why, until corrected.
    await page.locator(tid('patient-study-date')).fill('2099-03-09');
    await page.waitForFunction(() => /later than today/.test(document.querySelector('[data-testid="comparison-panel"] [data-testid="chronological-age"]')?.textContent ?? ''));
    expect(await page.locator(tid('verdict', 'comparison-panel')).getAttribute('data-verdict')).toBe('indeterminate');
    expect(await page.locator(tid('study-date-error')).textContent()).toBe('later than today: correct it');
    expect((await shown(page)).report).toMatch(/Chronological age: not known \(The study date 2099-03-09 is later than today \(\d{4}-\d\d-\d\d\)\.\)/);
    await page.locator(tid('patient-study-date')).fill('2025-03-09');
    await waitForAttr(page, tid('chronological-age', 'comparison-panel'), 'data-months', '155');
    expect(await page.locator(tid('study-date-error')).count()).toBe(0);
  });

  it('renders the print view: report elements visible, controls hidden, identifiers only when chosen', async () => {
    const { page } = w;
    await page.emulateMedia({ media: 'print' });
    const view = page.locator(tid('print-view'));
    await view.waitFor({ state: 'visible', timeout: 10_000 });
    for (const hidden of ['viewport', 'file-input', 'copy-report', 'patient-panel', 'report-panel']) {
      expect(await page.locator(tid(hidden)).first().isVisible(), `${hidden} should be hidden in print`).toBe(false);
    }
    expect(await view.locator(tid('age-chart')).isVisible()).toBe(true);
    expect(await view.locator(tid('print-report-text')).isVisible()).toBe(true);
    expect(await view.locator(tid('print-report-text')).textContent()).toContain('Chronological age: 12 years 11 months (155 months).');
    expect(await view.locator(tid('print-report-text')).textContent()).toMatch(/\nBone age 90% prediction interval \(model error, calibrated on held-out cases\): .* months\)\.\n/);
    expect(await view.locator(tid('print-model-card')).isVisible()).toBe(true);
    expect(await view.locator(tid('print-model-card')).textContent()).toMatch(/validated MAE \d+\.\d months/);
    // The radiograph with its age map, copied from the viewer.
    const img = view.locator(tid('print-radiograph'));
    await img.waitFor({ state: 'visible', timeout: 10_000 });
    const size = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight, src: el.src.slice(0, 22) }));
    expect(size.src).toBe('data:image/png;base64,');
    expect(size.w).toBeGreaterThan(100);
    expect(size.h).toBeGreaterThan(100);
    // No identifiers by default.
    expect(await view.locator(tid('print-identifiers')).textContent()).toMatch(/identifiers left out/);
    expect(await view.textContent()).not.toContain('Synthetic Hand');
    expect(await view.textContent()).not.toContain('TEST-0042');
    expect(await view.textContent()).not.toContain('boy.dcm'); // a file name may carry identifiers too

    // Choose name and ID (on screen), then print again.
    await page.emulateMedia({ media: 'screen' });
    await page.locator(tid('include-name')).check();
    await page.locator(tid('include-id')).check();
    await page.locator(tid('include-fileName')).check();
    await page.emulateMedia({ media: 'print' });
    await view.waitFor({ state: 'visible' });
    const ids = await view.locator(tid('print-identifiers')).textContent();
    expect(ids).toContain('Synthetic Hand');
    expect(ids).toContain('TEST-0042');
    expect(ids).toContain('boy.dcm');
    expect(ids).not.toContain('2012-03-10'); // birth date not chosen
    await page.screenshot({ path: join(SHOTS, 'print-view.png'), fullPage: true });
    // Roughly the printed page: A4 at 96 dpi less the 12 mm margins.
    await page.setViewportSize({ width: 703, height: 1032 });
    await page.screenshot({ path: join(SHOTS, 'print-view-a4.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    // What Chromium's own print path makes of it: one A4 page.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SHOTS, 'report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    console.log(`print: ${pages} PDF page(s), ${pdf.length} bytes`);
    expect(pages).toBe(1);
    expect(pdf.toString('latin1'), 'the radiograph is in the PDF').toMatch(/\/Subtype\s*\/Image/);
    await page.emulateMedia({ media: 'screen' });
    expect(await view.isVisible()).toBe(false);

    // A tall viewer (a portrait monitor) gives a tall copy of the radiograph: still one page.
    await page.setViewportSize({ width: 800, height: 2000 });
    await page.waitForTimeout(500); // the viewer redraws on its ResizeObserver
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint'))); // what a real print does first
    const tall = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    expect(tall.h, 'the copy is portrait').toBeGreaterThan(tall.w);
    await page.emulateMedia({ media: 'print' });
    const tallPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SHOTS, 'report-tall-viewer.pdf'), tallPdf);
    await page.setViewportSize({ width: 703, height: 1032 });
    await page.screenshot({ path: join(SHOTS, 'print-view-a4-tall-viewer.png'), fullPage: true });
    console.log(`print, portrait viewer: ${Math.round(await view.evaluate((el) => el.getBoundingClientRect().height))} of 1032 px (A4 less margins at 96 dpi)`);
    expect(tallPdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0, 'one page with a portrait radiograph').toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('a PNG asks for sex and birth date, then compares', async () => {
    const { page } = w;
    const outcome = await pickFile(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(await page.locator(tid('patient-ask')).textContent()).toMatch(/no patient data.*sex and birth date/);
    expect(await page.locator(tid('chronological-age', 'comparison-panel')).textContent()).toMatch(/unknown: Enter the birth date/);
    expect(await page.locator(tid('verdict', 'comparison-panel')).getAttribute('data-verdict')).toBe('indeterminate');
    expect(await page.locator(tid('report-text')).textContent()).toMatch(/Chronological age: not known/);
    await page.locator(tid('patient-sex')).selectOption('F');
    await page.locator(tid('patient-age-years')).fill('9');
    await page.locator(tid('patient-age-months')).fill('6');
    await waitForAttr(page, tid('chronological-age', 'comparison-panel'), 'data-months', '114');
    const s = await shown(page);
    const sd = (sdForAge('F', 114) as { sdMonths: number }).sdMonths;
    expect(s.sd).toBeCloseTo(sd, 3);
    // A model that reads sex re-reads the case for a girl once F is chosen: compare against the bone age shown now.
    const girl = Number(await page.locator(tid('bone-age')).getAttribute('data-months'));
    expect(Number.isFinite(girl)).toBe(true);
    expect(s.sds).toBeCloseTo((girl - 114) / sd, 3);
    expect(await page.locator(tid('age-chart', 'comparison-panel')).getAttribute('data-sex')).toBe('F');
    expect(await page.locator(tid('patient-ask')).count()).toBe(0);
    // A name typed for a PNG reaches the printed report (name and ID are still ticked from above).
    await page.locator('.patient-identifiers summary').click();
    await page.locator(tid('patient-name')).fill('Test Child');
    await page.emulateMedia({ media: 'print' });
    const ids = await page.locator(tid('print-identifiers')).textContent();
    expect(ids).toContain('Test Child');
    expect(ids).toContain('(not given)'); // no ID for a PNG
    await page.emulateMedia({ media: 'screen' });
  });

  it('throws nothing uncaught and asks nothing of any other origin', () => {
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});
