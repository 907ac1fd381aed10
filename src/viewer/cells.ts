/** A rectangle in image pixel coordinates (cornerstone's: (0,0) is the top-left corner of the top-left pixel). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The part of the original image that map cell (row, col) stands for. The model sees the whole
 * image squashed (aspect ignored) to its input size and its output grid covers that input evenly,
 * so cell (r, c) of a rows × cols map covers an even 1/cols × 1/rows share of the image.
 */
export function cellRect(row: number, col: number, rows: number, cols: number, width: number, height: number): Rect {
  return {
    x0: (col * width) / cols,
    x1: ((col + 1) * width) / cols,
    y0: (row * height) / rows,
    y1: ((row + 1) * height) / rows,
  };
}

/** Which cell an image point falls in, or null outside the image. */
export function cellAt(x: number, y: number, rows: number, cols: number, width: number, height: number): { row: number; col: number } | null {
  if (!(x >= 0 && y >= 0 && x < width && y < height)) return null;
  return { row: Math.min(rows - 1, Math.floor((y * rows) / height)), col: Math.min(cols - 1, Math.floor((x * cols) / width)) };
}
