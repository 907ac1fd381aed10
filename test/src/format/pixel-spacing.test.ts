import { describe, expect, it } from 'vitest';
import { formatPixelSpacing } from '../../../src/format/pixel-spacing';

describe('formatPixelSpacing', () => {
  it('names the attribute and puts the column spacing first', () => {
    expect(formatPixelSpacing({ rowMm: 0.1, columnMm: 0.12, source: 'PixelSpacing' })).toBe('0.12 × 0.1 mm per pixel (Pixel Spacing)');
    expect(formatPixelSpacing({ rowMm: 0.143, columnMm: 0.143, source: 'ImagerPixelSpacing' })).toBe(
      '0.143 × 0.143 mm per pixel (Imager Pixel Spacing, at the detector)',
    );
  });

  it('drops float noise from DS strings', () => {
    expect(formatPixelSpacing({ rowMm: 0.1 + 0.2, columnMm: 0.3, source: 'PixelSpacing' })).toBe('0.3 × 0.3 mm per pixel (Pixel Spacing)');
  });
});
