import { encode } from 'fast-png';
import { encode as jpegEncode } from 'jpeg-js';
import { mulberry32 } from '../../training/data/split';
import { makeDicom, type DicomElement } from '../helpers/make-dicom';

export const HAND_WIDTH = 400;
export const HAND_HEIGHT = 500;

/** A synthetic, vaguely hand-shaped 8-bit radiograph: forearm, palm, four fingers with phalanges, a thumb.
 *  A LEFT hand as a PA view shows it (thumb and radius on the image's right), like the images the models
 *  and quality control expect. The shapes below are drawn as a right hand and mirrored as they are put. */
export function makeHandPixels(width = HAND_WIDTH, height = HAND_HEIGHT): Uint8Array {
  const rand = mulberry32(42);
  const px = new Uint8Array(width * height);
  const put = (xDrawn: number, y: number, v: number) => {
    const x = width - 1 - xDrawn;
    if (x >= 0 && y >= 0 && x < width && y < height) px[y * width + x] = Math.max(px[y * width + x], v);
  };
  const box = (x0: number, y0: number, x1: number, y1: number, v: number) => {
    for (let y = Math.round(y0); y < Math.round(y1); y++) for (let x = Math.round(x0); x < Math.round(x1); x++) put(x, y, v);
  };
  for (let i = 0; i < px.length; i++) px[i] = 12 + Math.floor(rand() * 10);
  // Forearm: soft tissue with radius and ulna.
  box(120, 410, 290, 500, 95);
  box(145, 420, 180, 500, 200);
  box(225, 420, 255, 500, 190);
  // Palm (soft tissue ellipse) with metacarpals.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - 205) / 115;
      const dy = (y - 335) / 95;
      if (dx * dx + dy * dy <= 1) put(x, y, 100);
    }
  }
  const fingers = [
    { x: 120, top: 95 },
    { x: 175, top: 55 },
    { x: 230, top: 60 },
    { x: 283, top: 110 },
  ];
  for (const f of fingers) {
    box(f.x - 22, f.top, f.x + 22, 300, 100); // finger soft tissue
    box(f.x - 9, 250, f.x + 9, 395, 215); // metacarpal
    // Three phalanges separated by joint gaps (the gaps are what bone age reads).
    const span = 245 - f.top;
    for (let k = 0; k < 3; k++) {
      const y0 = f.top + 8 + (k * span) / 3;
      const y1 = f.top + ((k + 1) * span) / 3 - 2;
      box(f.x - 8, y0, f.x + 8, y1, 225);
    }
  }
  // Thumb: a slanted run of bone on the drawn left (the image's right once mirrored).
  for (let t = 0; t < 130; t++) {
    const cx = 105 - t * 0.55;
    const cy = 380 - t;
    box(cx - 20, cy, cx + 20, cy + 1, 100);
    if (t % 45 < 40) box(cx - 8, cy, cx + 8, cy + 1, 210);
  }
  // Carpal bones.
  for (const [cx, cy] of [
    [170, 400],
    [200, 395],
    [230, 402],
    [185, 375],
    [215, 372],
  ]) {
    for (let y = cy - 11; y <= cy + 11; y++) for (let x = cx - 11; x <= cx + 11; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= 121) put(x, y, 185);
  }
  for (let i = 0; i < px.length; i++) px[i] = Math.min(255, px[i] + Math.floor(rand() * 6));
  return px;
}

/** The synthetic hand as an 8-bit grayscale PNG. */
export function makeHandPng(): Uint8Array {
  return encode({ width: HAND_WIDTH, height: HAND_HEIGHT, data: makeHandPixels(), depth: 8, channels: 1 });
}

/** The same hand as a 12-bit MONOCHROME2 DICOM (Explicit VR Little Endian), values × 16, with `elements`
 *  (default: a name, birth and study dates 119 completed months apart, and a window). */
export function makeHandDicom(elements: DicomElement[] = [
  { tag: 0x00100010, vr: 'PN', value: 'Synthetic^Hand' },
  { tag: 0x00100030, vr: 'DA', value: '20150310' }, // PatientBirthDate
  { tag: 0x00080020, vr: 'DA', value: '20250309' }, // StudyDate: 119 completed months
  { tag: 0x00281050, vr: 'DS', value: '2048' },
  { tag: 0x00281051, vr: 'DS', value: '4096' },
]): Uint8Array {
  return makeDicom({
    syntax: 'explicit-le',
    rows: HAND_HEIGHT,
    columns: HAND_WIDTH,
    bitsAllocated: 16,
    bitsStored: 12,
    pixels: Array.from(makeHandPixels(), (v) => v * 16),
    elements,
  });
}

/** The same hand as a baseline JPEG (gray written as RGB, so the decoder converts it back). */
export function makeHandJpeg(): Uint8Array {
  const px = makeHandPixels();
  const rgba = Buffer.alloc(px.length * 4);
  for (let i = 0; i < px.length; i++) {
    rgba.fill(px[i], 4 * i, 4 * i + 3);
    rgba[4 * i + 3] = 255;
  }
  return new Uint8Array(jpegEncode({ data: rgba, width: HAND_WIDTH, height: HAND_HEIGHT }, 95).data);
}
