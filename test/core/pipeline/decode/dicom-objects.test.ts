import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../../core/pipeline/decode/decode-image';
import { expectDecodeErrorAsync } from '../../../helpers/expect-decode-error';
import { makeDicom, sequenceValue } from '../../../helpers/make-dicom';

/** What a DICOM object says about itself beyond its pixels: what kind of object it is, how to
 *  window it, how large its pixels are. */
describe('DICOM objects that are not images', () => {
  it.each([
    ['1.2.840.10008.5.1.4.1.1.88.22', 'SR', 'a structured report'],
    ['1.2.840.10008.5.1.4.1.1.104.1', 'DOC', 'an encapsulated PDF document'],
    ['1.2.840.10008.5.1.4.1.1.11.1', 'PR', 'a presentation state'],
    ['1.2.840.10008.5.1.4.1.1.66.4', 'SEG', 'a registration, fiducials or a segmentation'],
  ])('SOP Class %s (%s) is refused as %s', async (sopClassUID, modality, what) => {
    const bytes = makeDicom({ sopClassUID, modality, omitImageModule: true, omitPixelData: true });
    const error = await expectDecodeErrorAsync(() => decodeImage(bytes), 'not-an-image');
    expect(error.message).toBe(`This DICOM file is ${what} (SOP Class ${sopClassUID}, modality ${modality}), not an image; please open the hand radiograph itself.`);
  });

  it('an SR is named even when it claims an image SOP class, by its modality', async () => {
    const bytes = makeDicom({ modality: 'SR', omitImageModule: true, omitPixelData: true });
    expect((await expectDecodeErrorAsync(() => decodeImage(bytes), 'not-an-image')).message).toMatch(/structured report/);
  });

  it('an image from a modality that makes no radiographs opens, with a notice', async () => {
    const img = await decodeImage(makeDicom({ modality: 'CT', sopClassUID: '1.2.840.10008.5.1.4.1.1.2' }));
    expect(img.notices).toEqual([expect.stringMatching(/^This image is from modality CT, not a radiograph/)]);
    for (const modality of ['CR', 'DX', 'OT']) expect((await decodeImage(makeDicom({ modality }))).notices).toEqual([]);
  });
});

describe('default display window', () => {
  it('Window Center/Width when present', async () => {
    const img = await decodeImage(
      makeDicom({ elements: [{ tag: 0x00281050, vr: 'DS', value: '300' }, { tag: 0x00281051, vr: 'DS', value: '1000' }] }),
    );
    expect(img.window).toEqual({ center: 300, width: 1000 });
    expect(img.windowSource).toBe('window-center-width');
  });

  it('otherwise the rising part of the first VOI LUT', async () => {
    // 4096 entries from input 0: flat 0 up to 999, a ramp over 1000..2999, flat 65535 from 3000.
    const entries = 4096;
    const lut = new Uint8Array(entries * 2);
    const view = new DataView(lut.buffer);
    for (let i = 0; i < entries; i++) view.setUint16(2 * i, i < 1000 ? 0 : i >= 3000 ? 65535 : Math.round(((i - 999) / 2001) * 65535), true);
    const voi = sequenceValue([
      [
        { tag: 0x00283002, vr: 'US', value: [entries, 0, 16] },
        { tag: 0x00283006, vr: 'OW', value: lut },
      ],
    ]);
    const img = await decodeImage(makeDicom({ bitsStored: 12, elements: [{ tag: 0x00283010, vr: 'SQ', value: voi }] }));
    expect(img.windowSource).toBe('voi-lut');
    expect(img.window).toEqual({ center: (999 + 3000) / 2, width: 3000 - 999 });
  });

  it('otherwise the data range', async () => {
    const img = await decodeImage(makeDicom({ pixels: [10, 20, 30, 40, 50, 110] }));
    expect(img.window).toEqual({ center: 60, width: 100 });
    expect(img.windowSource).toBe('data-range');
  });
});

describe('pixel spacing', () => {
  it('prefers Pixel Spacing, falls back to Imager Pixel Spacing, ignores nonsense', async () => {
    const both = await decodeImage(
      makeDicom({
        elements: [
          { tag: 0x00181164, vr: 'DS', value: ['0.15', '0.15'] },
          { tag: 0x00280030, vr: 'DS', value: ['0.1', '0.12'] },
        ],
      }),
    );
    expect(both.pixelSpacing).toEqual({ rowMm: 0.1, columnMm: 0.12, source: 'PixelSpacing' });
    const imager = await decodeImage(makeDicom({ elements: [{ tag: 0x00181164, vr: 'DS', value: ['0.143', '0.143'] }] }));
    expect(imager.pixelSpacing).toEqual({ rowMm: 0.143, columnMm: 0.143, source: 'ImagerPixelSpacing' });
    const junk = await decodeImage(makeDicom({ elements: [{ tag: 0x00280030, vr: 'DS', value: ['0', 'x'] }] }));
    expect(junk.pixelSpacing).toBeUndefined();
    expect((await decodeImage(makeDicom())).pixelSpacing).toBeUndefined();
  });
});
