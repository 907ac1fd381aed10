import { describe, expect, it } from 'vitest';
import { DEFAULT_BONET } from '../../core/model/constants';
import { formatLayers, parseLayers } from '../../training/layers-spec';

describe('parseLayers', () => {
  it('reads the default trunk from its text form and back', () => {
    expect(parseLayers('16x5p,32x3p,64x5p,128x3,128x3')).toEqual(DEFAULT_BONET.convLayers);
    expect(formatLayers(DEFAULT_BONET.convLayers)).toBe('16x5p,32x3p,64x5p,128x3,128x3');
  });

  it('refuses malformed parts with the expected form in the message', () => {
    expect(() => parseLayers('32x7,64')).toThrow(/"64" is not <filters>x<kernel>/);
    expect(() => parseLayers('0x3')).toThrow(/positive/);
  });
});
