/**
 * The reduced Table-5 study (Spampinato et al. 2017, Table 5) at 100×100: where the deformation layer
 * goes and how wide the network is. Each variant is a set of train.ts options on top of the study's
 * common ones; `table` renders the results as the report's markdown table.
 */
import { DEFAULT_BONET } from '../core/model/constants';
import { formatLayers } from './layers-spec';

export interface ArchitectureVariant {
  name: string;
  description: string;
  trainArgs: string[];
}

/** The shipped trunk and head (DEFAULT_BONET) with every layer's filter count scaled by `factor`. */
function width(factor: number): string[] {
  const layers = DEFAULT_BONET.convLayers.map((l) => ({ ...l, filters: Math.round(l.filters * factor) }));
  return ['--layers', formatLayers(layers), '--head-filters', String(Math.round(DEFAULT_BONET.head.filters * factor))];
}

export const ARCHITECTURE_VARIANTS: ArchitectureVariant[] = [
  { name: 'none-1x', description: 'no deformation layer, the shipped width', trainArgs: width(1) },
  { name: 'input-1x', description: 'deformation layer on the input', trainArgs: [...width(1), '--deform-after', '-1'] },
  // "Before the last conv layer" = after conv4 of five (the head's fc_conv is the paper's fully-connected layer).
  { name: 'before-last-1x', description: 'deformation layer before the last conv layer', trainArgs: [...width(1), '--deform-after', String(DEFAULT_BONET.convLayers.length - 2)] },
  { name: 'none-0.5x', description: 'no deformation layer, half the width', trainArgs: width(0.5) },
  { name: 'none-1.5x', description: 'no deformation layer, 1.5× the width', trainArgs: width(1.5) },
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
