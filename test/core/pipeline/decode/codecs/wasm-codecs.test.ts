import { describe, expect, it } from 'vitest';
import { isCodecLoaded } from '../../../../../core/pipeline/decode/codecs/wasm-codecs';
import { decodeImage, decodeImageSync } from '../../../../../core/pipeline/decode/decode-image';
import { encodeJpegLossless } from '../../../../helpers/jpeg-lossless-encode';
import { makeDicom } from '../../../../helpers/make-dicom';
import { encodeJpegLs } from '../../../../helpers/wasm-encoders';

// Runs in its own module instance (vitest isolates files), so nothing is loaded beforehand.
describe('codec loading', () => {
  it('loads only the codec a file needs, on first need', async () => {
    expect([isCodecLoaded('jpeg-dct'), isCodecLoaded('jpeg-ls'), isCodecLoaded('j2k')]).toEqual([false, false, false]);
    // Pure-JavaScript syntaxes load nothing and decode synchronously.
    const pixels = [0, 1, 2, 3, 4, 4095];
    const lossless = makeDicom({ bitsStored: 12, transferSyntaxUID: '1.2.840.10008.1.2.4.70', encapsulated: { frames: [encodeJpegLossless(pixels, 3, 2, 12)] } });
    expect(Array.from(decodeImageSync(lossless).data)).toEqual(pixels);
    await decodeImage(lossless);
    expect([isCodecLoaded('jpeg-dct'), isCodecLoaded('jpeg-ls'), isCodecLoaded('j2k')]).toEqual([false, false, false]);

    const frame = await encodeJpegLs({ width: 3, height: 2, bitsPerSample: 12, componentCount: 1, samples: pixels });
    const ls = makeDicom({ bitsStored: 12, transferSyntaxUID: '1.2.840.10008.1.2.4.80', encapsulated: { frames: [frame] } });
    expect(() => decodeImageSync(ls)).toThrow(/before loadCodec/);
    expect(Array.from((await decodeImage(ls)).data)).toEqual(pixels);
    expect([isCodecLoaded('jpeg-dct'), isCodecLoaded('jpeg-ls'), isCodecLoaded('j2k')]).toEqual([false, true, false]);
    // Once loaded, the synchronous path works too.
    expect(Array.from(decodeImageSync(ls).data)).toEqual(pixels);
  });
});
