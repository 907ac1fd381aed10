/** A table of numbers drawn as an SVG heat map: each cell coloured by `value` on a diverging scale
 *  centred on `centre` (log2 ratio, so ×2 and ×½ are equally far), with its text on top. Numbers only. */
export interface HeatTable {
  title: string;
  subtitle?: string;
  columns: string[];
  groups: Array<{ name: string; rows: Array<{ label: string; cells: Array<{ value: number; text: string }> }> }>;
  /** The value drawn white (e.g. a lift of 1 = chance). */
  centre: number;
  /** Values at centre·2^±span and beyond get the full colour. */
  span: number;
  legend: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a value sits on the scale, −1 (far below centre; 0 counts as that) to 1; NaN for none. */
function strength(value: number, centre: number, span: number): number {
  if (value === 0) return -1;
  if (!Number.isFinite(value) || value < 0) return NaN;
  return Math.max(-1, Math.min(1, Math.log2(value / centre) / span));
}

/** log2(value / centre) in [−span, span] → white to red (above) or blue (below); NaN → grey. */
export function divergingColour(value: number, centre: number, span: number): string {
  const t = strength(value, centre, span);
  if (Number.isNaN(t)) return 'rgb(220, 220, 220)';
  const hi = [178, 24, 43];
  const lo = [33, 102, 172];
  const end = t >= 0 ? hi : lo;
  const a = Math.abs(t);
  const [r, g, b] = end.map((c) => Math.round(255 + (c - 255) * a));
  return `rgb(${r}, ${g}, ${b})`;
}

export function heatTableSvg(t: HeatTable): string {
  const cellW = 110;
  const cellH = 26;
  const labelW = 150;
  const top = 70;
  const groupGap = 26;
  const rows = t.groups.reduce((n, g) => n + g.rows.length, 0);
  const width = labelW + cellW * t.columns.length + 20;
  const height = top + rows * cellH + t.groups.length * groupGap + 60;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="10" y="22" font-size="15" font-weight="bold">${esc(t.title)}</text>`);
  if (t.subtitle) out.push(`<text x="10" y="40" fill="#444">${esc(t.subtitle)}</text>`);
  t.columns.forEach((c, j) => out.push(`<text x="${labelW + j * cellW + cellW / 2}" y="${top - 8}" text-anchor="middle" font-weight="bold">${esc(c)}</text>`));
  let y = top;
  for (const g of t.groups) {
    out.push(`<text x="10" y="${y + 17}" font-weight="bold">${esc(g.name)}</text>`);
    y += groupGap;
    for (const r of g.rows) {
      out.push(`<text x="24" y="${y + 17}">${esc(r.label)}</text>`);
      r.cells.forEach((c, j) => {
        const x = labelW + j * cellW;
        out.push(`<rect x="${x}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="${divergingColour(c.value, t.centre, t.span)}"/>`);
        const ink = Math.abs(strength(c.value, t.centre, t.span)) > 0.6 ? 'white' : 'black';
        out.push(`<text x="${x + (cellW - 2) / 2}" y="${y + 17}" text-anchor="middle" fill="${ink}">${esc(c.text)}</text>`);
      });
      y += cellH;
    }
  }
  out.push(`<text x="10" y="${y + 24}" fill="#444">${esc(t.legend)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
