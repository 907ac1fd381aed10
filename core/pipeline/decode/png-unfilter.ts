/**
 * PNG row filters (PNG spec §9), undone in place. `row` is the offset of a row's first byte in `buf`,
 * `prev` that of the already unfiltered row above it, or −1 for the first row (whose "row above" is zeros).
 */
export function unfilterRow(buf: Uint8Array, row: number, prev: number, stride: number, bpp: number, filter: number): boolean {
  switch (filter) {
    case 0:
      return true;
    case 1:
      unfilterSub(buf, row, stride, bpp);
      return true;
    case 2:
      if (prev >= 0) unfilterUp(buf, row, prev, stride);
      return true;
    case 3:
      unfilterAverage(buf, row, prev, stride, bpp);
      return true;
    case 4:
      // No row above: Paeth(a, 0, 0) = a, i.e. the Sub filter.
      if (prev < 0) unfilterSub(buf, row, stride, bpp);
      else unfilterPaeth(buf, row, prev, stride, bpp);
      return true;
    default:
      return false; // names no PNG filter: a damaged file
  }
}

function unfilterSub(buf: Uint8Array, row: number, stride: number, bpp: number): void {
  for (let i = bpp; i < stride; i++) buf[row + i] = (buf[row + i] + buf[row + i - bpp]) & 255;
}

function unfilterUp(buf: Uint8Array, row: number, prev: number, stride: number): void {
  for (let i = 0; i < stride; i++) buf[row + i] = (buf[row + i] + buf[prev + i]) & 255;
}

function unfilterAverage(buf: Uint8Array, row: number, prev: number, stride: number, bpp: number): void {
  // The first pixel has no left neighbour (0), the first row no row above (0): handled outside the
  // inner loops, which then run without branches (this and Paeth are most of a real file).
  if (prev >= 0) {
    for (let i = 0; i < bpp; i++) buf[row + i] = (buf[row + i] + (buf[prev + i] >> 1)) & 255;
    for (let i = bpp; i < stride; i++) buf[row + i] = (buf[row + i] + ((buf[row + i - bpp] + buf[prev + i]) >> 1)) & 255;
  } else {
    for (let i = bpp; i < stride; i++) buf[row + i] = (buf[row + i] + (buf[row + i - bpp] >> 1)) & 255;
  }
}

function unfilterPaeth(buf: Uint8Array, row: number, prev: number, stride: number, bpp: number): void {
  // No left neighbour: Paeth(0, b, 0) = b, i.e. the Up filter.
  for (let i = 0; i < bpp; i++) buf[row + i] = (buf[row + i] + buf[prev + i]) & 255;
  for (let i = bpp; i < stride; i++) {
    const a = buf[row + i - bpp];
    const b = buf[prev + i];
    const c = buf[prev + i - bpp];
    // p = a + b − c; |p − a| = |b − c|, |p − b| = |a − c|, |p − c| = |a + b − 2c|.
    const pa = Math.abs(b - c);
    const pb = Math.abs(a - c);
    const pc = Math.abs(a + b - 2 * c);
    buf[row + i] = (buf[row + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
  }
}
