import { openAsBlob, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../../../core/pipeline/decode/errors';
import { MAX_FILE_BYTES, checkImageFile } from '../../../core/pipeline/read-file';
import { makeHandDicom, makeHandPng } from '../../browser/fixtures';
import { BIG_FILE_BYTES, makePdf, makeSparseFile } from '../../helpers/bad-inputs';

/** A Blob that records how many bytes were actually read out of it. */
class CountingBlob extends Blob {
  read = 0;
  override slice(start?: number, end?: number, type?: string): Blob {
    const part = super.slice(start, end, type);
    this.read += part.size;
    return part;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    this.read += this.size;
    return super.arrayBuffer();
  }
}

async function refusal(promise: Promise<unknown>): Promise<ImageDecodeError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImageDecodeError);
  return error as ImageDecodeError;
}

describe('checkImageFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'boneage-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says what a good file looks like, having read only its head', async () => {
    for (const [bytes, kind] of [[makeHandPng(), 'png'], [makeHandDicom(), 'dicom']] as const) {
      const blob = new CountingBlob([new Uint8Array(bytes)]);
      expect((await checkImageFile(blob, 'x')).kind).toBe(kind);
      expect(blob.read).toBe(Math.min(4096, bytes.length));
    }
  });

  it('refuses an empty file', async () => {
    expect((await refusal(checkImageFile(new Blob([]), 'e.png'))).code).toBe('empty');
  });

  it('names and refuses a PDF after reading only its first 4 KiB', async () => {
    const pdf = new Uint8Array(1 << 20);
    pdf.set(makePdf());
    const blob = new CountingBlob([pdf]);
    const error = await refusal(checkImageFile(blob, 'report.pdf'));
    expect(error.message).toMatch(/^This is a PDF file, which is not supported/);
    expect(blob.read).toBe(4096);
  });

  it('refuses a file over the limit from its size, reading only its head', async () => {
    const png = makeHandPng();
    const blob = new CountingBlob([new Uint8Array(png)]);
    const error = await refusal(checkImageFile(blob, 'hand.png', png.length - 1));
    expect(error.code).toBe('too-large');
    expect(blob.read).toBe(4096);
  });

  it(`refuses a 200 MB file named .dcm (limit ${MAX_FILE_BYTES / 2 ** 20} MiB) quickly, without reading it into memory`, async () => {
    const path = makeSparseFile(join(dir, 'big.dcm'), BIG_FILE_BYTES);
    const blob = await openAsBlob(path); // backed by the file on disk, not by memory
    const before = process.memoryUsage();
    const t = performance.now();
    const error = await refusal(checkImageFile(blob, 'big.dcm'));
    const ms = performance.now() - t;
    const after = process.memoryUsage();
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('This file is too large to open (200 MB; the limit is 128 MB). Please export a smaller image.');
    expect(ms).toBeLessThan(500);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * 2 ** 20);
    expect(after.rss - before.rss).toBeLessThan(64 * 2 ** 20);
  });

  it('refuses 200 MB of zeros with no DICOM-like name by sniffing, also unread', async () => {
    const path = makeSparseFile(join(dir, 'big.bin'), BIG_FILE_BYTES);
    const error = await refusal(checkImageFile(await openAsBlob(path), 'big.bin'));
    expect(error.code).toBe('unknown-format');
  });
});
