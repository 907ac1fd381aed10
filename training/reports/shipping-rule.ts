import { pairedInterval, signedFigure, type PairedComparison } from './paired';

/**
 * The rule a new bone-age model must meet to replace the shipped one, set before the runs it judges
 * (training/README.md, "Not v14"): better on the validation thumbnails, and not clearly worse on the
 * full-resolution radiographs the page actually reads. The second part was added after a network that
 * helped on thumbnails read the 40 full-resolution radiographs 8 months too old.
 */
export interface ShippingRule {
  /** The largest mean worsening (months) tolerated on the full-resolution check. */
  fullresMaxWorse: number;
}

export const SHIPPING_RULE: ShippingRule = { fullresMaxWorse: 0.2 };

export interface ShippingVerdict {
  ship: boolean;
  /** One line per condition, met or not, in the rule's order. */
  reasons: string[];
}

/** Both comparisons are candidate − shipped (negative = the candidate errs less), as `compare` gives them. */
export function shippingVerdict(validation: PairedComparison, fullres: PairedComparison, rule: ShippingRule = SHIPPING_RULE): ShippingVerdict {
  const conditions: Array<[boolean, string]> = [
    [validation.ci95[1] < 0, `validation: ${pairedInterval(validation)} months, the 95 % interval must lie below zero`],
    [fullres.ci95[0] <= 0, `full resolution: ${pairedInterval(fullres)} months, the 95 % interval must not lie wholly above zero`],
    [fullres.meanDiff <= rule.fullresMaxWorse, `full resolution: ${signedFigure(fullres.meanDiff)} months, at most ${signedFigure(rule.fullresMaxWorse)} worse on average`],
  ];
  return { ship: conditions.every(([ok]) => ok), reasons: conditions.map(([ok, text]) => `${ok ? 'met' : 'NOT met'}: ${text}`) };
}
