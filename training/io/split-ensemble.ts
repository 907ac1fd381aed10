import type * as tfl from '@tensorflow/tfjs-layers';
import { ensembleMembers } from '../../core/model/ensemble';
import type { ModelCard } from '../../core/model/types';
import { parseLayers } from '../layers-spec';
import { memberPrefix, renamedCopy } from './combine-models';

/** A member of an ensemble as a model of its own; its card lacks `weights` (known once saved) and its
 *  `validation` figures (measured by the caller). */
export interface SplitMember {
  net: tfl.LayersModel;
  card: Omit<ModelCard, 'weights' | 'validation'>;
}

/**
 * The members of an ensemble made by combineModels, each with its original layer names (the `m2_`…
 * prefixes removed, so `train --init-weights` finds conv1… again) and a card built from the ensemble
 * card's record of it (architecture.ensemble[i]): its trunk, head width, version and training.
 */
export async function splitEnsemble(net: tfl.LayersModel, card: ModelCard): Promise<SplitMember[]> {
  const nets = ensembleMembers(net);
  const records = card.architecture.ensemble ?? [];
  if (nets.length < 2) throw new Error(`${card.name} v${card.version} is not an ensemble (no member networks).`);
  if (records.length !== nets.length) throw new Error(`The card lists ${records.length} ensemble members, the model has ${nets.length}.`);
  const { ensemble: _members, ...first } = card.architecture;
  const { interval: _interval, checks: _checks, careful: _careful, weights: _weights, validation: _validation, ...base } = card;
  return Promise.all(
    nets.map(async (member, i) => {
      const prefix = memberPrefix(i);
      const copy = await renamedCopy(member, (name) => (prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name));
      const r = records[i];
      return {
        net: copy,
        card: {
          ...base,
          version: r.version,
          description: `Member ${i + 1} of ${card.name} v${card.version} (an ensemble), split out by npm run split-ensemble. ${card.description}`,
          architecture: { ...first, convLayers: parseLayers(r.layers), head: { ...first.head, filters: r.headFilters }, parameters: copy.countParams() },
          training: { ...card.training, optimizer: r.training, augmentation: 'as in optimizer', splitFrom: { name: card.name, version: card.version, member: i + 1 } },
        },
      };
    }),
  );
}
