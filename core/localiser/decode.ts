import { ROI_SLOTS, VALUES_PER_SLOT } from './constants';
import type { RoiSlot, SlotBox } from './types';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * One image's raw network output (slots × [cx, cy, w, h, logit], fractions of the input frame) → boxes
 * in a `width` × `height` pixel frame. The input plane is the whole image squashed (aspect ratio ignored),
 * so fractions of it are fractions of the original image: scaling by its width and height is exact.
 * Boxes are clipped to the image; a negative predicted size counts as zero.
 */
export function decodeBoxes(raw: ArrayLike<number>, width: number, height: number, slots: RoiSlot[] = ROI_SLOTS): SlotBox[] {
  if (raw.length !== slots.length * VALUES_PER_SLOT) {
    throw new Error(`The localiser gave ${raw.length} values; ${slots.length} slots need ${slots.length * VALUES_PER_SLOT}.`);
  }
  return slots.map((slot, i) => {
    const [cx, cy, w, h, logit] = Array.from({ length: VALUES_PER_SLOT }, (_, k) => Number(raw[i * VALUES_PER_SLOT + k]));
    const hw = Math.max(0, w) / 2;
    const hh = Math.max(0, h) / 2;
    return {
      label: slot.label,
      slot,
      x0: clamp01(cx - hw) * width,
      y0: clamp01(cy - hh) * height,
      x1: clamp01(cx + hw) * width,
      y1: clamp01(cy + hh) * height,
      score: sigmoid(logit),
    };
  });
}

/** The inverse for training targets: boxes in a width × height frame → [cx, cy, w, h] fractions per slot. */
export function encodeTargets(boxes: Array<{ x0: number; y0: number; x1: number; y1: number }>, width: number, height: number): Float32Array {
  const out = new Float32Array(boxes.length * 4);
  boxes.forEach((b, i) => out.set([(b.x0 + b.x1) / 2 / width, (b.y0 + b.y1) / 2 / height, (b.x1 - b.x0) / width, (b.y1 - b.y0) / height], i * 4));
  return out;
}
