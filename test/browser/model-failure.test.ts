import { describe, expect, it } from 'vitest';
import { makeHandPng } from './fixtures';
import { browserTestMode, openPage, pickFile, statusOf, useHarness } from './harness';

const mode = browserTestMode();

describe.skipIf(mode === 'skip')('when the model cannot be loaded', () => {
  const h = useHarness(mode);

  it('says so clearly, still shows images, and throws nothing uncaught', async () => {
    const w = await openPage(h, '?backend=cpu', {
      waitReady: false,
      setup: (context) => context.route('**/models/index.json', (route) => route.fulfill({ status: 404, body: 'Not found' })),
    });
    expect(await statusOf(w.page)).toMatch(/unavailable/i);
    const error = await w.page.locator('[data-testid="error"]').textContent();
    expect(error).toMatch(/model could not be loaded.*models\/index\.json.*404/i);
    console.log(`Missing index: ${error}`);

    const outcome = await pickFile(w.page, 'hand.png', makeHandPng(), 'image/png');
    // No estimate, no file error: the image is shown, the model error stays.
    await w.page.locator('[data-testid="image-info"]').waitFor();
    expect(await w.page.locator('[data-testid="bone-age"]').count()).toBe(0);
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toMatch(/model could not be loaded/i);
    expect(w.pageErrors).toEqual([]);
    await w.page.context().close();
  });

  it('reports a corrupt network file', async () => {
    const w = await openPage(h, '?backend=cpu', {
      waitReady: false,
      setup: (context) => context.route('**/model.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"modelTopology": ' })),
    });
    expect(await statusOf(w.page)).toMatch(/unavailable/i);
    const error = await w.page.locator('[data-testid="error"]').textContent();
    expect(error).toMatch(/model could not be loaded: could not load the network of model/i);
    console.log(`Corrupt model.json: ${error}`);
    expect(w.pageErrors).toEqual([]);
    await w.page.context().close();
  });
});
