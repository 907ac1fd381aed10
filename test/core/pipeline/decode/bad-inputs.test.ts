import { describe, expect, it } from 'vitest';
// The sync entry is the same decoder minus lazy codec loading, which none of these files needs.
import { decodeImageSync as decodeImage } from '../../../../core/pipeline/decode';
import { ImageDecodeError } from '../../../../core/pipeline/decode/errors';
import { checkMinimumSize } from '../../../../core/pipeline/min-size';
import { badInputs, pageExpectation } from '../../../helpers/bad-inputs';
import { makePng } from '../../../helpers/make-png';
import { expectSentence } from '../../../helpers/expect-decode-error';

const corpus = badInputs();
const maxOf = (xs: ArrayLike<number>) => Array.from(xs).reduce((m, v) => Math.max(m, v), -Infinity);

/** decodeImage, then the page's minimum-size check: what the page does with the bytes. */
function openLikeThePage(bytes: Uint8Array, fileName: string) {
  const image = decodeImage(bytes, fileName);
  checkMinimumSize(image);
  return image;
}

function check(run: () => ReturnType<typeof decodeImage>, expectation: ReturnType<typeof pageExpectation>) {
  if ('decodes' in expectation) {
    const image = run();
    expect(image.width * image.height).toBeGreaterThan(0);
    expect(image.data.length).toBe(image.width * image.height);
    if (expectation.notice) expect(image.notices.some((n) => expectation.notice!.test(n)), image.notices.join(' | ')).toBe(true);
    return;
  }
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a refusal').toBeInstanceOf(ImageDecodeError);
  const error = thrown as ImageDecodeError;
  expect(error.message).toMatch(expectation.message);
  expect(error.code).toBe(expectation.refused);
  expectSentence(error.message);
}

describe('the bad-input corpus, through the decoder', () => {
  it('covers every kind of file the issue names', () => {
    const ids = corpus.map((c) => c.id);
    for (const wanted of ['empty', 'png-cut-', 'jpeg-cut-', 'dicom-cut-', 'random-dcm', 'dicom-no-pixels', 'dicom-pixel-length-huge', 'rgb-photo', 'cmyk-photo', 'png-1x1', 'png-30000', 'jpeg-30000', 'dicom-30000', 'png-16bit', 'png-tiny-claims-huge', 'jpeg-tiny-claims-huge', 'apng', 'gif', 'pdf']) {
      expect(ids.some((id) => id.startsWith(wanted)), wanted).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s: decodeImage gives the expected outcome', (_, input) => {
    check(() => decodeImage(input.bytes(), input.fileName), input.decoder);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s: the page (decode + size check) gives the expected outcome', (_, input) => {
    check(() => openLikeThePage(input.bytes(), input.fileName), pageExpectation(input));
  });

  it('decodes the 16-bit PNG in 0–65535 units and the RGB photo in 0–255', () => {
    const png16 = decodeImage(corpus.find((c) => c.id === 'png-16bit')!.bytes());
    expect(png16.bitDepth).toBe(16);
    expect(maxOf(png16.data)).toBeGreaterThan(255 * 100);
    const photo = decodeImage(corpus.find((c) => c.id === 'rgb-photo')!.bytes());
    expect([photo.width, photo.height]).toEqual([320, 240]);
    expect(maxOf(photo.data)).toBeLessThanOrEqual(255);
  });

  it.each([
    ['an 87-byte PNG claiming 7000 × 7000 16-bit RGBA (392 MB inflated)', 'png-tiny-claims-huge'],
    ['a 29-byte JPEG claiming 7000 × 7000 (jpeg-js took 3.7 s and ~500 MB to fail on it)', 'jpeg-tiny-claims-huge'],
  ])('refuses %s before decoding anything', (_, id) => {
    const bytes = corpus.find((c) => c.id === id)!.bytes();
    expect(bytes.length).toBeLessThan(100);
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    expect(() => decodeImage(bytes)).toThrow(/far too small/);
    expect(performance.now() - t).toBeLessThan(50);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
  });

  it('still decodes a legitimately extreme PNG (4000 × 4000 of zeros, compressed about 1000:1)', () => {
    const zeros = makePng({ width: 4000, height: 4000, channels: 1, data: new Uint8Array(4000 * 4000) as unknown as number[] });
    expect(zeros.length).toBeLessThan(20_000);
    const image = decodeImage(zeros);
    expect([image.width, image.height]).toEqual([4000, 4000]);
  });

  it('refuses 30000 × 30000 PNG, JPEG and DICOM from the header, in well under 50 ms and without allocating the image', () => {
    for (const id of ['png-30000', 'jpeg-30000', 'dicom-30000']) {
      const bytes = corpus.find((c) => c.id === id)!.bytes();
      // The files hold a header only (at most a few hundred bytes): a decoder that went past the
      // header would report them truncated or damaged, never too large.
      expect(bytes.length).toBeLessThan(1024);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const before = process.memoryUsage().arrayBuffers;
        const t = performance.now();
        expect(() => decodeImage(bytes)).toThrow(/too large/);
        best = Math.min(best, performance.now() - t);
        // 900 MP as Float32 would be 3.6 GB; allow a few MB of noise.
        expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
      }
      expect(best, id).toBeLessThan(50);
    }
  });
});
