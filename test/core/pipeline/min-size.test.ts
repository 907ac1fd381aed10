import { describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../../../core/pipeline/decode/errors';
import { MIN_SIDE, checkMinimumSize } from '../../../core/pipeline/min-size';

describe('checkMinimumSize', () => {
  it('accepts RSNA thumbnails (100 × 100) and anything at least 64 a side', () => {
    expect(MIN_SIDE).toBe(64);
    expect(() => checkMinimumSize({ width: 100, height: 100 })).not.toThrow();
    expect(() => checkMinimumSize({ width: 64, height: 2000 })).not.toThrow();
  });

  it('refuses smaller images with their size in the message', () => {
    for (const [width, height] of [[1, 1], [63, 500], [500, 63]]) {
      let error: unknown;
      try {
        checkMinimumSize({ width, height });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImageDecodeError);
      expect((error as ImageDecodeError).code).toBe('too-small');
      expect((error as ImageDecodeError).message).toContain(`(${width} × ${height} pixels; at least 64 × 64 is needed)`);
    }
  });
});
