/**
 * The reduced Table-5 study (Spampinato et al. 2017, Table 5) at 100×100: where the deformation layer
 * goes and how wide the network is. Each variant is a set of train.ts options on top of the study's
 * common ones; `table` renders the results as the report's markdown table.
 */
export interface ArchitectureVariant {
  name: string;
  description: string;
  trainArgs: string[];
}

const SHIPPED = '16x5p,32x3p,64x5p,128x3,128x3';

export const ARCHITECTURE_VARIANTS: ArchitectureVariant[] = [
  { name: 'none-1x', description: 'no deformation layer, the shipped width', trainArgs: ['--layers', SHIPPED, '--head-filters', '256'] },
  { name: 'input-1x', description: 'deformation layer on the input', trainArgs: ['--layers', SHIPPED, '--head-filters', '256', '--deform-after', '-1'] },
  // "Before the last conv layer" = after conv4 of five (the head's fc_conv is the paper's fully-connected layer).
  { name: 'before-last-1x', description: 'deformation layer before the last conv layer', trainArgs: ['--layers', SHIPPED, '--head-filters', '256', '--deform-after', '3'] },
  { name: 'none-0.5x', description: 'no deformation layer, half the width', trainArgs: ['--layers', '8x5p,16x3p,32x5p,64x3,64x3', '--head-filters', '128'] },
  { name: 'none-1.5x', description: 'no deformation layer, 1.5× the width', trainArgs: ['--layers', '24x5p,48x3p,96x5p,192x3,192x3', '--head-filters', '384'] },
];

export interface VariantResult {
  name: string;
  description: string;
  parameters: number;
  /** Validation MAE after each epoch (months, one pass). */
  valMaeByEpoch: number[];
  /** Median wall seconds per training epoch. */
  secondsPerEpoch: number;
  peakRssMb: number;
}

/** Markdown table, one row per variant, best last-epoch MAE in bold. */
export function table(results: VariantResult[]): string {
  const best = Math.min(...results.map((r) => r.valMaeByEpoch[r.valMaeByEpoch.length - 1]));
  const rows = results.map((r) => {
    const last = r.valMaeByEpoch[r.valMaeByEpoch.length - 1];
    const lastText = last === best ? `**${last.toFixed(2)}**` : last.toFixed(2);
    const curve = r.valMaeByEpoch.slice(0, -1).map((v) => v.toFixed(2)).concat(lastText).join(' / ');
    return `| \`${r.name}\` | ${r.description} | ${r.parameters.toLocaleString('en-US')} | ${curve} | ${Math.round(r.secondsPerEpoch)} | ${r.peakRssMb} |`;
  });
  return [
    '| Variant | | Parameters | Validation MAE by epoch (months) | s / epoch | Peak RSS (MB) |',
    '|---|---|---:|---|---:|---:|',
    ...rows,
  ].join('\n');
}
