import { beforeAll, describe, expect, it } from 'vitest';
import { canvasToImage } from '../../src/viewer/geometry';
import { HAND_HEIGHT, HAND_WIDTH, makeHandDicom, makeHandPixels } from './fixtures';
import { browserTestMode, displayedBrightness, pickFile, useHarness, usePage, type PageWatch } from './harness';

const mode = browserTestMode();
const SHOTS = process.env.BONEAGE_SCREENSHOTS; // a folder: save screenshots there when set

interface Readout {
  width: number;
  center: number;
  scale: number;
  tx: number;
  ty: number;
  invert: boolean;
  text: string;
}

/** The corner readout once cornerstone has rendered (two animation frames), all fields read at once. */
async function readout(w: PageWatch): Promise<Readout> {
  return w.page.evaluate(
    () =>
      new Promise<Readout>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const el = document.querySelector('[data-testid="window-values"]')!;
              const n = (name: string) => Number(el.getAttribute(name));
              done({
                width: n('data-width'),
                center: n('data-center'),
                scale: n('data-scale'),
                tx: n('data-tx'),
                ty: n('data-ty'),
                invert: el.getAttribute('data-invert') === 'true',
                text: el.textContent ?? '',
              });
            }),
          ),
        ),
      ),
  );
}

/** A mouse drag over the image with one button, in 5 steps. */
async function drag(w: PageWatch, from: { x: number; y: number }, dx: number, dy: number, button: 'left' | 'right' | 'middle' = 'left') {
  await w.page.mouse.move(from.x, from.y);
  await w.page.mouse.down({ button });
  await w.page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
  await w.page.mouse.up({ button });
}

describe.skipIf(mode === 'skip')('the viewer', () => {
  const h = useHarness(mode);
  const w = usePage(h);
  let box: { x: number; y: number; width: number; height: number };
  let mid: { x: number; y: number };
  let initial: Readout;
  // The DICOM stores the hand's 8-bit values × 16: the window moves by the value range per 500 px.
  const px = makeHandPixels();
  const perPixel = ((px.reduce((a, v) => Math.max(a, v), 0) - px.reduce((a, v) => Math.min(a, v), 255)) * 16) / 500;

  beforeAll(async () => {
    const outcome = await pickFile(w.page, 'hand.dcm', makeHandDicom());
    expect(outcome.kind, outcome.text).toBe('result');
    await w.page.locator('[data-testid="window-values"][data-image-id]').waitFor();
    box = (await w.page.locator('[data-testid="cornerstone-element"]').boundingBox())!;
    mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    initial = await readout(w);
  });

  it("starts at the file's own window, fitted", () => {
    expect(initial.width).toBe(4096);
    expect(initial.center).toBe(2048);
    expect(initial.invert).toBe(false);
    expect(initial.text).toMatch(/^W 4096 · L 2048 · \d+ %$/);
    // Fitted: the 400×500 image fills the viewport's height (or width).
    expect(Math.min(box.width / HAND_WIDTH, box.height / HAND_HEIGHT)).toBeCloseTo(initial.scale, 2);
  });

  it('a right drag sets window/level (right: wider, down: higher level) and the readout shows it', async () => {
    const before = await displayedBrightness(w.page);
    await drag(w, mid, 100, 50, 'right');
    const r = await readout(w);
    expect(r.width).toBeCloseTo(4096 + 100 * perPixel, 6);
    expect(r.center).toBeCloseTo(2048 + 50 * perPixel, 6);
    expect(r.text).toContain(`W ${Math.round(r.width)} · L ${Math.round(r.center)}`);
    // A higher level shows the image darker.
    expect(await displayedBrightness(w.page)).toBeLessThan(before - 3);
    // The left button does the same with the default tool (W/L).
    await drag(w, mid, -40, 0, 'left');
    expect((await readout(w)).width).toBeCloseTo(4096 + 60 * perPixel, 6);
    expect(r.scale).toBe(initial.scale); // no zoom or pan came with it
    expect([r.tx, r.ty]).toEqual([0, 0]);
  });

  it('the wheel zooms about the pointer; middle drag and the pan tool pan', async () => {
    // Whole pixels: MouseEvent and WheelEvent carry integer client coordinates.
    const at = { x: Math.round(box.x + box.width * 0.3), y: Math.round(box.y + box.height * 0.35) };
    const canvas = await w.page.$eval('.cornerstone-element canvas', (c) => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height }));
    const image = { width: HAND_WIDTH, height: HAND_HEIGHT };
    const q = { x: at.x - box.x, y: at.y - box.y };
    await w.page.mouse.move(at.x, at.y);
    const cellBefore = await w.page.locator('[data-testid="probe"]').textContent();
    const r0 = await readout(w);
    await w.page.mouse.wheel(0, -300);
    const r1 = await readout(w);
    expect(r1.scale / r0.scale).toBeCloseTo(Math.exp(300 * 0.0015), 6);
    const p0 = canvasToImage({ scale: r0.scale, translation: { x: r0.tx, y: r0.ty } }, q, image, canvas);
    const p1 = canvasToImage({ scale: r1.scale, translation: { x: r1.tx, y: r1.ty } }, q, image, canvas);
    expect(p1.x).toBeCloseTo(p0.x, 3);
    expect(p1.y).toBeCloseTo(p0.y, 3);
    // cornerstone agrees: the same map cell is under the pointer.
    await w.page.mouse.move(at.x + 1, at.y);
    await w.page.mouse.move(at.x, at.y);
    expect(await w.page.locator('[data-testid="probe"]').textContent()).toBe(cellBefore);

    await drag(w, mid, 60, 40, 'middle');
    const r2 = await readout(w);
    expect(r2.tx - r1.tx).toBeCloseTo(60 / r1.scale, 6);
    expect(r2.ty - r1.ty).toBeCloseTo(40 / r1.scale, 6);
    expect(r2.width).toBe(r1.width);

    await w.page.keyboard.press('p'); // left drag pans now
    expect(await w.page.locator('[data-testid="tool-pan"]').getAttribute('aria-pressed')).toBe('true');
    await drag(w, mid, -30, 0, 'left');
    const r3 = await readout(w);
    expect(r3.tx - r2.tx).toBeCloseTo(-30 / r2.scale, 6);
    expect(r3.width).toBe(r2.width);
    await w.page.keyboard.press('w');
  });

  it('I inverts, R resets window, zoom, pan and invert', async () => {
    const before = await displayedBrightness(w.page);
    await w.page.keyboard.press('i');
    const r = await readout(w);
    expect(r.invert).toBe(true);
    expect(r.text).toContain('inverted');
    expect(await w.page.locator('[data-testid="invert"]').getAttribute('aria-pressed')).toBe('true');
    // Mostly dark background becomes mostly light.
    expect(await displayedBrightness(w.page)).toBeGreaterThan(before + 40);
    if (SHOTS) await w.page.screenshot({ path: `${SHOTS}/viewer-adjusted.png` });
    await w.page.keyboard.press('r');
    const reset = await readout(w);
    expect(reset).toEqual(initial);
    // The toolbar buttons do the same.
    await w.page.locator('[data-testid="invert"]').click();
    expect((await readout(w)).invert).toBe(true);
    await w.page.locator('[data-testid="reset"]').click();
    expect(await readout(w)).toEqual(initial);
  });

  it('O toggles the age map; ? opens the help panel listing the shortcuts, Esc closes it', async () => {
    const toggle = w.page.locator('[data-testid="overlay-toggle"]');
    expect(await toggle.isChecked()).toBe(true);
    await w.page.keyboard.press('o');
    expect(await toggle.isChecked()).toBe(false);
    expect(await w.page.locator('[data-testid="age-map"]').isVisible()).toBe(false);
    await w.page.keyboard.press('o');
    expect(await toggle.isChecked()).toBe(true);

    expect(await w.page.locator('[data-testid="help-panel"]').count()).toBe(0);
    await w.page.keyboard.press('?');
    const help = w.page.locator('[data-testid="help-panel"]');
    await help.waitFor();
    const text = await help.textContent();
    for (const line of ['Invert grey levels', 'Reset window, zoom, pan and invert', 'Show or hide the age map', 'Next case in the worklist', 'Right drag']) expect(text).toContain(line);
    if (SHOTS) await w.page.screenshot({ path: `${SHOTS}/help.png` });
    await w.page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
    await w.page.locator('[data-testid="help-button"]').click();
    await help.waitFor();
    await w.page.keyboard.press('?');
    expect(await help.count()).toBe(0);
  });

  it('keys typed into a field are not shortcuts', async () => {
    // The opacity slider takes arrow keys itself; the view must not change case or invert.
    await w.page.locator('[data-testid="overlay-opacity"]').focus();
    await w.page.keyboard.press('i');
    expect((await readout(w)).invert).toBe(false);
    await w.page.locator('[data-testid="overlay-opacity"]').blur();
    expect(w.pageErrors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
});
