import { describe, expect, it } from 'vitest';
import { decodePngFast } from '../../../core/pipeline/decode/decode-png-fast';
import { TINY_PNG_FOR_TESTS, warmUpPipeline } from '../../../src/inference/warm-pipeline';

describe('warmUpPipeline', () => {
  it('runs its tiny PNG through decode (the fast path), preprocessing and the viewer image without error', async () => {
    const spec = { width: 100, height: 100, channels: 1, resample: 'nearest-floor-center', normalise: 'per-image-zscore' } as const;
    await expect(warmUpPipeline(spec)).resolves.toBeUndefined();
    // The embedded image is one the fast path takes, so that path is the one warmed.
    const image = await decodePngFast(TINY_PNG_FOR_TESTS());
    expect(image && [image.width, image.height, image.bitDepth]).toEqual([64, 48, 8]);
  });
});
