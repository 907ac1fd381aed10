import { describe, expect, it } from 'vitest';
import { decodeImageSync } from '../../../../core/pipeline/decode/decode-image';
import { ImageDecodeError, MAX_PIXELS, checkPixelBudget, sniffFormat } from '../../../../core/pipeline/decode/index';
import { expectDecodeError } from '../../../helpers/expect-decode-error';
import { randomBytes } from '../../../helpers/bad-inputs';
import { makeDicom } from '../../../helpers/make-dicom';
import { makePng } from '../../../helpers/make-png';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('decodeImageSync', () => {
  it('dispatches on content, not on the file name', () => {
    const png = makePng({ width: 2, height: 1, data: [1, 2], channels: 1 });
    expect(decodeImageSync(png, 'scan.dcm').format).toBe('png');
    expect(decodeImageSync(makeDicom(), 'hand.png').format).toBe('dicom');
  });

  it('refuses an empty file', () => {
    const error = expectDecodeError(() => decodeImageSync(new Uint8Array(0), 'x.png'), 'empty');
    expect(error.message).toBe('This file is empty (0 bytes).');
  });

  it('refuses random bytes as an unknown format', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = randomBytes(64 + seed * 37, seed);
      const error = expectDecodeError(() => decodeImageSync(bytes), ['unknown-format', 'unsupported']);
      if (error.code === 'unknown-format') expect(error.message).toMatch(/^Not a PNG, JPEG or DICOM image/);
    }
  });

  it('refuses random bytes named .dcm as an unknown format', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = randomBytes(500, seed);
      if (sniffFormat(bytes, 'image.dcm').kind !== 'maybe-dicom') continue;
      expectDecodeError(() => decodeImageSync(bytes, 'image.dcm'), 'unknown-format');
    }
  });

  it.each([
    ['GIF', ascii('GIF89a\x01\x00\x01\x00')],
    ['GIF', ascii('GIF87a\x01\x00\x01\x00')],
    ['PDF', ascii('%PDF-1.7\n%âãÏÓ\n')],
    ['TIFF', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ['TIFF', new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
    ['WebP', ascii('RIFF\x24\x00\x00\x00WEBPVP8 ')],
    ['ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
  ])('recognises and refuses %s, naming it', (name, bytes) => {
    const error = expectDecodeError(() => decodeImageSync(bytes), 'unsupported');
    expect(error.message).toContain(`This is a ${name} file`);
  });

  it('recognises BMP', () => {
    const bmp = new Uint8Array(64);
    bmp.set(ascii('BM'));
    bmp[14] = 40; // BITMAPINFOHEADER size
    expect(sniffFormat(bmp)).toEqual({ kind: 'other', name: 'BMP' });
  });

  it('reports a JPEG with garbage scan data as corrupt, in plain words', () => {
    // A JPEG whose scan data is garbage but whose structure is intact.
    const bytes = new Uint8Array([
      0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 2, 0, 2, 1, 1, 0x11, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34, 0xff, 0xd9,
    ]);
    expectDecodeError(() => decodeImageSync(bytes), 'corrupt');
  });
});

describe('pixel budget', () => {
  it('is 50 megapixels', () => {
    expect(MAX_PIXELS).toBe(50_000_000);
  });

  it('accepts up to the budget and refuses beyond it', () => {
    expect(() => checkPixelBudget(10_000, 5_000)).not.toThrow();
    const error = expectDecodeError(() => checkPixelBudget(10_000, 5_001), 'too-large');
    expect(error).toBeInstanceOf(ImageDecodeError);
  });

  it('calls impossible sizes corrupt', () => {
    expectDecodeError(() => checkPixelBudget(0, 5), 'corrupt');
    expectDecodeError(() => checkPixelBudget(5, -1), 'corrupt');
  });
});
