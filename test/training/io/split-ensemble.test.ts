import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildBoNet, DEFAULT_BONET } from '../../../core/model';
import type { ModelCard } from '../../../core/model/types';
import { combineModels } from '../../../training/io/combine-models';
import { splitEnsemble } from '../../../training/io/split-ensemble';
import { formatLayers, parseLayers } from '../../../training/layers-spec';

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
// Any ensemble card will do as the base; the members' records are replaced below.
const shipped = JSON.parse(readFileSync('public/models/bonet-rsna100/model-card.json', 'utf8')) as ModelCard;

describe('splitEnsemble', () => {
  it('gives back each member with its own layer names, readings and card', async () => {
    await tf.setBackend('cpu');
    const configs = [
      { ...DEFAULT_BONET, sexHeads: true },
      { ...DEFAULT_BONET, sexHeads: true, convLayers: parseLayers('8x3p,16x3,16x3p,32x3p,32x3'), head: { ...DEFAULT_BONET.head, filters: 64 } },
    ];
    const nets = configs.map((c, i) => buildBoNet(c, i + 1));
    const ensemble = await combineModels(nets);
    const card: ModelCard = {
      ...shipped,
      architecture: {
        ...shipped.architecture,
        ensemble: configs.map((c, i) => ({
          name: 'test', version: `m${i + 1}`, layers: formatLayers(c.convLayers), headFilters: c.head.filters,
          parameters: nets[i].countParams(), validationMae: 10 + i, sha256: [], training: `recipe ${i + 1}`,
        })),
      },
    };
    const members = await splitEnsemble(ensemble, card);
    expect(members).toHaveLength(2);
    const x = tf.randomNormal([2, 100, 100, 1], 0, 1, 'float32', 5);
    members.forEach(({ net, card: c }, i) => {
      expect(maxDiff(net.predict(x) as tf.Tensor, nets[i].predict(x) as tf.Tensor)).toBe(0);
      // Names as a freshly built network of that shape has them, so --init-weights finds every layer.
      expect(net.weights.map((w) => w.originalName)).toEqual(nets[i].weights.map((w) => w.originalName));
      expect(c.version).toBe(`m${i + 1}`);
      expect(c.architecture.convLayers).toEqual(configs[i].convLayers);
      expect(c.architecture.head.filters).toBe(configs[i].head.filters);
      expect(c.architecture.parameters).toBe(nets[i].countParams());
      expect(c.architecture).not.toHaveProperty('ensemble');
      expect(c.training.optimizer).toBe(`recipe ${i + 1}`);
      expect(c.training.splitFrom).toEqual({ name: card.name, version: card.version, member: i + 1 });
      expect(c).not.toHaveProperty('validation');
      expect(c).not.toHaveProperty('weights');
    });
    expect(nets[1].weights[0].originalName).toMatch(/^conv1\//);
  });

  it('refuses a plain network and a card that lists other members', async () => {
    await tf.setBackend('cpu');
    const a = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 1);
    await expect(splitEnsemble(a, shipped)).rejects.toThrow(/not an ensemble/);
    const ensemble = await combineModels([a, buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 2)]);
    const one = { ...shipped, architecture: { ...shipped.architecture, ensemble: shipped.architecture.ensemble!.slice(0, 1) } };
    await expect(splitEnsemble(ensemble, one)).rejects.toThrow(/lists 1 ensemble members, the model has 2/);
  });
});
