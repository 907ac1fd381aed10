import type { ModelCard } from '../../core/model/types';

/** public/models/index.json: which models are shipped and which one the page uses by default. */
export interface ModelIndex {
  default: string;
  models: Array<{ name: string; path: string }>;
}

export class ModelLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelLoadError';
  }
}

export function parseModelIndex(json: unknown): ModelIndex {
  const o = json as Partial<ModelIndex> | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.models) || o.models.length === 0) {
    throw new ModelLoadError('The model list (models/index.json) names no models.');
  }
  for (const m of o.models) {
    if (!m || typeof m.name !== 'string' || typeof m.path !== 'string') {
      throw new ModelLoadError('The model list (models/index.json) has an entry without a name and path.');
    }
  }
  return { default: typeof o.default === 'string' ? o.default : o.models[0].name, models: o.models };
}

/** The entry to load: `wanted` (e.g. from ?model=) if given, else the index's default. */
export function pickModel(index: ModelIndex, wanted: string | null): { name: string; path: string } {
  const name = wanted ?? index.default;
  const entry = index.models.find((m) => m.name === name);
  if (!entry) {
    const known = index.models.map((m) => m.name).join(', ');
    throw new ModelLoadError(`There is no model named "${name}" in models/index.json (available: ${known}).`);
  }
  return entry;
}

/** Checks the parts of a card that inference depends on; the rest is shown as given. */
export function parseModelCard(json: unknown, where: string): ModelCard {
  const c = json as Partial<ModelCard> | null;
  const problems: string[] = [];
  if (!c || typeof c !== 'object') throw new ModelLoadError(`The model card (${where}) is not a JSON object.`);
  if (typeof c.name !== 'string') problems.push('name');
  const input = c.input;
  if (!input || !(input.width > 0) || !(input.height > 0) || !input.resample || !input.normalise) problems.push('input');
  const output = c.output;
  if (!output || !Number.isFinite(output.scale) || !Number.isFinite(output.offset) || output.unit !== 'months') problems.push('output');
  if (problems.length > 0) {
    throw new ModelLoadError(`The model card (${where}) is missing or has invalid: ${problems.join(', ')}.`);
  }
  return c as ModelCard;
}
