/** DICOM RLE Lossless encoder for tests (PS3.5 Annex G): per sample, one PackBits segment per
 *  byte, most significant byte first; a 64-byte header of segment offsets. Samples are given
 *  planar-by-sample (all of sample 0, then sample 1, ...) as stored words (masked to their width). */
export function encodeRle(samples: ArrayLike<number>, pixelCount: number, samplesPerPixel: number, bitsAllocated: 8 | 16): Uint8Array {
  const bytesPerSample = bitsAllocated / 8;
  const segments: Uint8Array[] = [];
  for (let s = 0; s < samplesPerPixel; s++) {
    for (let b = bytesPerSample - 1; b >= 0; b--) {
      const plane = new Uint8Array(pixelCount);
      for (let i = 0; i < pixelCount; i++) plane[i] = (samples[s * pixelCount + i] >> (8 * b)) & 0xff;
      segments.push(packBits(plane));
    }
  }
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((seg, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    offset += seg.length;
  });
  const out = new Uint8Array(offset);
  out.set(header);
  let at = 64;
  for (const seg of segments) {
    out.set(seg, at);
    at += seg.length;
  }
  return out;
}

/** PackBits with runs of 3+ equal bytes as repeats (max 128) and the rest as literals (max 128);
 *  each segment padded to even length. */
export function packBits(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < src.length) {
    let run = 1;
    while (i + run < src.length && run < 128 && src[i + run] === src[i]) run++;
    if (run >= 3) {
      out.push(257 - run, src[i]); // -(run-1) as a byte
      i += run;
      continue;
    }
    const start = i;
    while (i < src.length && i - start < 128) {
      if (i + 2 < src.length && src[i] === src[i + 1] && src[i] === src[i + 2]) break;
      i++;
    }
    out.push(i - start - 1, ...src.subarray(start, i));
  }
  if (out.length % 2) out.push(0x80); // -128: no-op padding byte
  return Uint8Array.from(out);
}
