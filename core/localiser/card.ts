import { ROI_LABELS, type LocaliserCard } from './types';
import { VALUES_PER_SLOT } from './constants';

/** Checks the parts of a localiser card that inference depends on (input spec, slots); throws a readable message. */
export function parseLocaliserCard(json: unknown, where: string): LocaliserCard {
  const c = json as Partial<LocaliserCard> | null;
  if (!c || typeof c !== 'object') throw new Error(`The localiser card (${where}) is not a JSON object.`);
  const problems: string[] = [];
  if (typeof c.name !== 'string') problems.push('name');
  if (c.kind !== 'tw-localiser') problems.push('kind (expected "tw-localiser")');
  const input = c.input;
  if (!input || !(input.width > 0) || !(input.height > 0) || !input.resample || !input.normalise) problems.push('input');
  if (!Array.isArray(c.slots) || c.slots.length === 0 || c.slots.some((s) => !s || !(ROI_LABELS as readonly string[]).includes(s.label) || typeof s.name !== 'string')) problems.push('slots');
  if (problems.length > 0) throw new Error(`The localiser card (${where}) is missing or has invalid: ${problems.join(', ')}.`);
  return c as LocaliserCard;
}

/** Output width a card's network must have. */
export const outputWidth = (card: LocaliserCard) => card.slots.length * VALUES_PER_SLOT;
