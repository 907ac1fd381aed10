/** One Pascal VOC annotation: the frame the boxes were drawn in and the boxes. */
export interface VocAnnotation {
  filename: string;
  width: number;
  height: number;
  objects: Array<{ label: string; xmin: number; ymin: number; xmax: number; ymax: number }>;
}

const tag = (xml: string, name: string): string | null => {
  const m = new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml);
  return m ? m[1] : null;
};

const num = (xml: string, name: string, where: string): number => {
  const text = tag(xml, name);
  const v = text === null || text === '' ? NaN : Number(text);
  if (!Number.isFinite(v)) throw new Error(`${where}: no numeric <${name}>.`);
  return v;
};

/** Parses the subset of Pascal VOC the ossification annotations use (size, object name, bndbox). */
export function parseVoc(xml: string, where = 'annotation'): VocAnnotation {
  const size = /<size>([\s\S]*?)<\/size>/.exec(xml)?.[1];
  if (!size) throw new Error(`${where}: no <size> element.`);
  const objects = [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)].map(([, body]) => {
    const box = /<bndbox>([\s\S]*?)<\/bndbox>/.exec(body)?.[1];
    const label = tag(body, 'name');
    if (!box || !label) throw new Error(`${where}: an <object> without <name> or <bndbox>.`);
    return { label, xmin: num(box, 'xmin', where), ymin: num(box, 'ymin', where), xmax: num(box, 'xmax', where), ymax: num(box, 'ymax', where) };
  });
  return { filename: tag(xml, 'filename') ?? '', width: num(size, 'width', where), height: num(size, 'height', where), objects };
}
