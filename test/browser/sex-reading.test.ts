import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel } from '../../core/model';
import type { ModelSex } from '../../core/model/types';
import { decodeImage } from '../../core/pipeline/decode';
import { parseCsv } from '../helpers/parse-csv';
import { builtModel, writeUntrainedModel } from '../helpers/untrained-model';
import { useBackend } from '../helpers/tf-backends';
import { makeHandDicom, makeHandPng } from './fixtures';
import { browserTestMode, DIST, dropFile, type PageWatch } from './harness';
import { closeModelPage, openModelPage, type ModelPage } from './model-page';

const mode = browserTestMode();
const SHOTS = process.env.BONEAGE_SCREENSHOTS; // a folder: save screenshots there when set

/** The synthetic hand as a DICOM whose PatientSex is F. */
function femaleHandDicom(): Uint8Array {
  return makeHandDicom([
    { tag: 0x00100040, vr: 'CS', value: 'F' }, // PatientSex
    { tag: 0x00281050, vr: 'DS', value: '2048' },
    { tag: 0x00281051, vr: 'DS', value: '4096' },
  ]);
}

describe.skipIf(mode === 'skip')('a model with one output per sex', () => {
  let served: ModelPage | undefined;
  let modelDir: string;
  let w: PageWatch;
  /** The same model in Node, on the same image through the same pipeline, by sex (null: not given). */
  const expected = new Map<ModelSex, number>();
  let expectedDicom: number;

  beforeAll(async () => {
    await useBackend('cpu');
    const { path, base } = builtModel(DIST);
    modelDir = mkdtempSync(join(tmpdir(), 'bonet-sexheads-'));
    const { net, card } = await writeUntrainedModel(modelDir, base, true);
    const model = new BoneAgeModel(net, card);
    const png = await decodeImage(makeHandPng(), 'hand.png');
    for (const sex of [null, 'male', 'female'] as const) expected.set(sex, (await model.estimate(png, sex)).boneAgeMonths);
    expectedDicom = (await model.estimate(await decodeImage(femaleHandDicom(), 'girl.dcm'), 'female')).boneAgeMonths;
    model.dispose();
    served = await openModelPage(mode, path, modelDir);
    w = served.w;
  }, 300_000); // a model built and run in Node, then the page's own start-up, on two shared cores

  afterAll(() => closeModelPage(served, modelDir));

  const boneAge = async () => Number(await w.page.locator('[data-testid="bone-age"]').getAttribute('data-months'));

  it('says on the model card that the model reads sex', async () => {
    expect(await w.page.locator('[data-testid="model-name"]').textContent()).toBe('bonet-sexheads-test');
    expect(await w.page.locator('[data-testid="model-reads-sex"]').getAttribute('data-reads-sex')).toBe('true');
    // The two readings must differ, or nothing below could fail.
    expect(Math.abs(expected.get('male')! - expected.get('female')!)).toBeGreaterThan(0.5);
  });

  it('without a sex, shows the mean of both readings with a caution, then the chosen sex\'s reading', async () => {
    const { page } = w;
    const outcome = await dropFile(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(Math.abs(outcome.months! - expected.get(null)!)).toBeLessThan(0.01);
    const caution = page.locator('[data-testid="sex-caution"]');
    expect(await caution.textContent()).toMatch(/^Sex not given: the estimate is the mean of the boy and girl readings \(-?\d+\.\d vs -?\d+\.\d months\); enter the sex/);
    expect(await page.locator('[data-testid="sex-readings"]').getAttribute('data-sex-used')).toBe('average');
    expect(await page.locator('[data-testid="sex-readings"]').textContent()).toContain(`boy ${expected.get('male')!.toFixed(1)} · girl ${expected.get('female')!.toFixed(1)} months`);
    expect(await page.locator('[data-testid="comparison-cautions"]').textContent()).toContain('mean of the boy and girl readings');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sex-not-given.png` });
    console.log(`Sex not given: ${outcome.months!.toFixed(2)} months (Node ${expected.get(null)!.toFixed(2)}); ${await caution.textContent()}`);

    for (const [value, sex] of [['F', 'female'], ['M', 'male']] as const) {
      await page.locator('[data-testid="patient-sex"]').selectOption(value);
      await page.waitForFunction((s) => document.querySelector('[data-testid="sex-readings"]')?.getAttribute('data-sex-used') === s, sex);
      const months = await boneAge();
      expect(Math.abs(months - expected.get(sex)!)).toBeLessThan(0.01);
      expect(await caution.count()).toBe(0);
      expect(await page.locator('[data-testid="comparison-cautions"]', { hasText: 'mean of the boy and girl' }).count()).toBe(0);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/sex-${value}.png` });
      console.log(`Sex ${value}: ${months.toFixed(2)} months (Node ${expected.get(sex)!.toFixed(2)})`);
    }
    // Cleared again: back to the mean, with the caution.
    await page.locator('[data-testid="patient-sex"]').selectOption('');
    await page.waitForFunction(() => document.querySelector('[data-testid="sex-readings"]')?.getAttribute('data-sex-used') === 'average');
    expect(Math.abs((await boneAge()) - expected.get(null)!)).toBeLessThan(0.01);
    expect(await caution.count()).toBe(1);
    // The report says so too, once there is an age to compare with.
    await page.locator('[data-testid="patient-birth-date"]').fill('2015-03-10');
    await page.locator('[data-testid="report-text"]').waitFor();
    expect(await page.locator('[data-testid="report-text"]').textContent()).toContain('CAUTION: Sex not given: the estimate is the mean of the boy and girl readings');
    await page.locator('[data-testid="patient-sex"]').selectOption('F');
    await page.waitForFunction(() => !document.querySelector('[data-testid="report-text"]')?.textContent?.includes('Sex not given'));
  });

  it('reads a DICOM\'s PatientSex at once (no caution), and writes sex_used in the CSV', async () => {
    const { page } = w;
    const outcome = await dropFile(page, 'girl.dcm', femaleHandDicom(), 'application/dicom');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(Math.abs(outcome.months! - expectedDicom)).toBeLessThan(0.01);
    expect(await page.locator('[data-testid="sex-readings"]').getAttribute('data-sex-used')).toBe('female');
    expect(await page.locator('[data-testid="sex-caution"]').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const csv = parseCsv(text.slice(1));
    const col = csv[0].indexOf('sex_used');
    expect(csv[0].slice(col, col + 2)).toEqual(['sex_used', 'reading']);
    expect(csv.slice(1).map((r) => [r[1], r[5], r[col]])).toEqual([
      ['hand.png', 'F', 'female'],
      ['girl.dcm', 'F', 'female'],
    ]);
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});

describe.skipIf(mode === 'skip')('a model without sex channels', () => {
  let served: ModelPage | undefined;
  let modelDir: string;
  afterAll(() => closeModelPage(served, modelDir));

  it('shows no sex readings nor caution, keeps the bone age when a sex is chosen, and writes sex_used none', async () => {
    await useBackend('cpu');
    const { path, base } = builtModel(DIST);
    modelDir = mkdtempSync(join(tmpdir(), 'bonet-nosex-'));
    const { net, card } = await writeUntrainedModel(modelDir, base, false);
    const model = new BoneAgeModel(net, card);
    const expectedMonths = (await model.estimate(await decodeImage(makeHandPng(), 'hand.png'), 'female')).boneAgeMonths;
    model.dispose();
    served = await openModelPage(mode, path, modelDir);
    const { w } = served;
    const { page } = w;
    expect(await page.locator('[data-testid="model-name"]').textContent()).toBe('bonet-nosex-test');
    expect(await page.locator('[data-testid="model-reads-sex"]').getAttribute('data-reads-sex')).toBe('false');
    const outcome = await dropFile(page, 'hand.png', makeHandPng(), 'image/png');
    expect(outcome.kind, outcome.text).toBe('result');
    expect(Math.abs(outcome.months! - expectedMonths)).toBeLessThan(0.01);
    expect(await page.locator('[data-testid="sex-readings"]').count()).toBe(0);
    expect(await page.locator('[data-testid="sex-caution"]').count()).toBe(0);
    await page.locator('[data-testid="patient-sex"]').selectOption('F');
    expect(await page.locator('[data-testid="patient-sex"]').inputValue()).toBe('F');
    expect(Number(await page.locator('[data-testid="bone-age"]').getAttribute('data-months'))).toBe(outcome.months);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8').slice(1));
    expect(csv[1][csv[0].indexOf('sex_used')]).toBe('none');
    expect(w.pageErrors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
