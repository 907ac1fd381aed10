import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildBoNet, DEFAULT_BONET } from '../../core/model';
import { applyWeightDecay, decayedVariables } from '../../training/weight-decay';

const variablesOf = (net: ReturnType<typeof buildBoNet>) => net.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);

describe('decoupled weight decay', () => {
  it('shrinks the conv kernels only, by 1 − lr·wd, and nothing at wd 0', async () => {
    await tf.setBackend('cpu');
    const net = buildBoNet({ ...DEFAULT_BONET, convLayers: [{ filters: 4, kernel: 3, stride: 1, pool: true }], head: { filters: 8, kernel: 3, dropout: 0 } }, 1);
    const all = variablesOf(net);
    const decayed = decayedVariables(all);
    // conv1, fc_conv and age_map kernels; not the BatchNorm gamma/beta nor the biases.
    expect(decayed.map((v) => v.name.split('/')[0]).sort()).toEqual(['age_map', 'conv1', 'fc_conv']);
    expect(all.length).toBeGreaterThan(decayed.length);
    const before = all.map((v) => v.dataSync().slice());
    applyWeightDecay(decayed, 0.01, 0);
    all.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(before[i])));
    applyWeightDecay(decayed, 0.01, 0.5);
    all.forEach((v, i) => {
      const factor = decayed.includes(v) ? 1 - 0.005 : 1;
      const got = v.dataSync();
      for (let k = 0; k < got.length; k++) expect(got[k]).toBeCloseTo(before[i][k] * factor, 6);
    });
  });
});
