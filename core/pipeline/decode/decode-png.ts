import { decode } from 'fast-png';
import type { DecodedImage } from '../types';
import { ImageDecodeError } from './errors';
import { ALPHA_NOTICE, COLOUR_NOTICE, interleavedToGray, luminance, minMaxWindow } from './gray';
import { readPngHeader } from './png-header';

const COLOR_TYPE_NAMES: Record<number, string> = {
  0: 'gray',
  2: 'rgb',
  3: 'palette',
  4: 'gray+alpha',
  6: 'rgba',
};

/** Decodes a PNG to gray in source units (0–255 for 8-bit, 0–65535 for 16-bit, 0–2^d−1 for
 *  1/2/4-bit gray; palette images give the gray of their 8-bit palette colours). */
export function decodePng(bytes: Uint8Array): DecodedImage {
  const header = readPngHeader(bytes);
  const { width, height, bitDepth, colorType } = header;
  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch (thrown) {
    throw new ImageDecodeError(
      'corrupt',
      'This PNG file is damaged and its pixels could not be decoded.',
      { cause: thrown },
    );
  }
  const pixelCount = width * height;
  const notices: string[] = [];
  let gray: Float32Array;
  let coloured = false;
  let translucent = false;

  if (colorType === 3) {
    ({ gray, coloured, translucent } = paletteToGray(png.data, png.palette, width, height, bitDepth));
  } else {
    const samples = bitDepth < 8 ? unpackBits(png.data, width, height, bitDepth) : png.data;
    if (samples.length < pixelCount * png.channels) {
      throw new ImageDecodeError('corrupt', 'This PNG file is damaged: it holds fewer pixels than its header says.');
    }
    ({ gray, coloured, translucent } = interleavedToGray({
      data: samples,
      channels: png.channels,
      pixelCount,
      opaqueAlpha: bitDepth === 16 ? 0xffff : 0xff,
    }));
  }
  // A tRNS chunk on gray/RGB images marks one colour as transparent; we show it as opaque.
  if (png.transparency && colorType !== 3) translucent = true;
  if (coloured) notices.push(COLOUR_NOTICE);
  if (translucent) notices.push(ALPHA_NOTICE);

  return {
    format: 'png',
    width,
    height,
    data: gray,
    bitDepth: colorType === 3 ? 8 : bitDepth,
    window: minMaxWindow(gray),
    meta: { width, height, bitDepth, colorType: COLOR_TYPE_NAMES[colorType] },
    notices,
  };
}

/** fast-png leaves 1/2/4-bit samples packed, rows padded to whole bytes: spread them out. */
function unpackBits(packed: ArrayLike<number>, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = packed[y * rowBytes + (bit >> 3)];
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

function paletteToGray(
  data: ArrayLike<number>,
  palette: number[][] | undefined,
  width: number,
  height: number,
  depth: number,
): { gray: Float32Array; coloured: boolean; translucent: boolean } {
  if (!palette || palette.length === 0) {
    throw new ImageDecodeError('corrupt', 'This PNG file is damaged: it is a palette image without a palette.');
  }
  const indices = depth < 8 ? unpackBits(data, width, height, depth) : data;
  const gray = new Float32Array(width * height);
  let coloured = false;
  let translucent = false;
  for (let i = 0; i < gray.length; i++) {
    const entry = palette[indices[i]];
    if (!entry) {
      throw new ImageDecodeError('corrupt', 'This PNG file is damaged: a pixel refers to a colour missing from its palette.');
    }
    const [r, g, b, a] = entry;
    if (r !== g || g !== b) coloured = true;
    if (a !== undefined && a !== 255) translucent = true;
    gray[i] = luminance(r, g, b);
  }
  return { gray, coloured, translucent };
}
