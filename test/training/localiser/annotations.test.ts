import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVoc, readAnnotations } from '../../../training/localiser/annotations';
import { ROIS_DIR } from '../../../training/localiser/dataset';
import { canonicalOrder } from '../../../core/localiser/canonical';

const obj = (name: string, b: number[]) => `<object><name>${name}</name><bndbox><xmin>${b[0]}</xmin><ymin>${b[1]}</ymin><xmax>${b[2]}</xmax><ymax>${b[3]}</ymax></bndbox></object>`;

describe('Pascal VOC annotations', () => {
  it('reads the frame and the boxes', () => {
    const xml = `<annotation><size><width>880</width><height>1270</height><depth>1</depth></size>${obj('PIP', [181, 458, 238, 541])}${obj('Wrist', [285, 768, 585, 970])}</annotation>`;
    expect(parseVoc(xml, 'a.xml')).toEqual({
      width: 880,
      height: 1270,
      boxes: [
        { label: 'PIP', x0: 181, y0: 458, x1: 238, y1: 541, score: 1 },
        { label: 'Wrist', x0: 285, y0: 768, x1: 585, y1: 970, score: 1 },
      ],
    });
  });

  it('says which file and what is wrong', () => {
    expect(() => parseVoc('<annotation></annotation>', 'b.xml')).toThrow(/b\.xml: no valid <size>/);
    expect(() => parseVoc(`<size><width>9</width><height>9</height></size>${obj('Knee', [1, 1, 2, 2])}`, 'c.xml')).toThrow(/c\.xml: unknown label "Knee"/);
    expect(() => parseVoc(`<size><width>9</width><height>9</height></size>${obj('DIP', [5, 1, 2, 2])}`, 'd.xml')).toThrow(/d\.xml: bad box for DIP/);
  });

  it.skipIf(!existsSync(ROIS_DIR))('the real annotations (skipped without ../shared/data): thumb on the radius side in the canonical order', () => {
    const hands = readAnnotations(ROIS_DIR);
    expect(hands.length).toBe(240);
    let ok = 0;
    for (const h of hands) {
      if (h.boxes.length !== 17) continue;
      const c = canonicalOrder(h.boxes);
      const at = (n: string) => c.find((b) => b.slot.name === n)!;
      const cx = (n: string) => (at(n).x0 + at(n).x1) / 2;
      // Thumb MCP lies between the index MCP and beyond, on the radius side of the ulna.
      const thumbSide = Math.sign(cx('Radius') - cx('Ulna'));
      if (Math.sign(cx('MCP1') - cx('MCP5')) === thumbSide && Math.sign(cx('DIP2') - cx('DIP5')) === thumbSide) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(235);
  });
});
