import type { ModelCard } from '../../core/model/types';

/** What one cell of the regional age map means, in words for the map panel: a cell is the network's
 *  reading for that part of the image, but the network learns only through the cells' mean, so a
 *  single cell is no age estimate; the card's measured per-cell error says by how much, when it has one. */
export function mapCellText(card: ModelCard | null): string {
  const weighted = card?.output?.reduce === 'weighted';
  const base = weighted
    ? 'Each cell is the network’s reading for that part of the image; the estimate is their mean, each cell weighted by a confidence the network learned (the cells it trusts count more).'
    : 'Each cell is the network’s reading for that part of the image; the estimate is their mean.';
  const cells = card?.validation?.cell_mae_months;
  if (!cells) return `${base} The network learns only through the mean, so a single cell is not an age estimate of its own.`;
  return (
    `${base} The network learns only through the mean, so a single cell is not an age estimate of its own: ` +
    `on the validation images one cell was off by ${Math.round(cells.min)}–${Math.round(cells.max)} months on average ` +
    `(median cell ${Math.round(cells.median)}), against ${card!.validation!.mae_months.toFixed(1)} for the mean. ` +
    'Read the map as where the reading is higher or lower.'
  );
}
