import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel, buildBoNet, DEFAULT_BONET } from '../../../core/model';
import { THUMBNAIL_INPUT } from '../../../core/model/constants';
import type { ModelCard } from '../../../core/model/types';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

const card = (bySex: boolean) => ({ name: 't', input: THUMBNAIL_INPUT, output: { unit: 'months', scale: 10, offset: 120, reduce: 'mean', bySex } }) as unknown as ModelCard;
const plane = (seed: number) => ({ width: 100, height: 100, data: tf.randomNormal([100 * 100], 0, 1, 'float32', seed).dataSync() as Float32Array });

describe('BoneAgeModel with one output channel per sex', () => {
  it('reads channel 0 as the boy and channel 1 as the girl, per plane of a batch, and their mean without a sex', async () => {
    const net = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 5);
    const model = new BoneAgeModel(net, card(true));
    const planes = [plane(1), plane(2)];
    const [none, girl] = await model.estimatePlanes(planes, [null, 'female']);
    expect([none.sexUsed, girl.sexUsed]).toEqual(['average', 'female']);
    // The network's own channels, read here independently of splitChannels.
    const raw = tf.tidy(() => net.predict(tf.tensor4d(planes[1].data, [1, 100, 100, 1])) as tf.Tensor4D);
    const [c0, c1] = tf.split(raw, 2, 3).map((t) => Array.from(t.dataSync(), (v) => Math.fround(v * 10 + 120)));
    raw.dispose();
    expect(Array.from(girl.map.months)).toEqual(c1);
    expect(Array.from(girl.bySex!.male.map.months)).toEqual(c0);
    expect(girl.map).toMatchObject({ rows: 10, cols: 10 });
    expect(girl.boneAgeMonths).toBe(girl.bySex!.female.boneAgeMonths);
    expect(none.boneAgeMonths).toBeCloseTo((none.bySex!.male.boneAgeMonths + none.bySex!.female.boneAgeMonths) / 2, 4);
    expect(Math.abs(girl.bySex!.male.boneAgeMonths - girl.bySex!.female.boneAgeMonths)).toBeGreaterThan(0.01);
    // Each plane of the batch has its own readings.
    expect(none.bySex!.male.boneAgeMonths).not.toBe(girl.bySex!.male.boneAgeMonths);
    model.dispose();
  });

  it('gives a model without sex channels one reading whatever the sex', async () => {
    const plain = new BoneAgeModel(buildBoNet(DEFAULT_BONET, 5), card(false));
    const [a, b] = await plain.estimatePlanes([plane(4), plane(4)], ['female', null]);
    expect(a.sexUsed).toBe('none');
    expect(a.bySex).toBeUndefined();
    expect(a.boneAgeMonths).toBe(b.boneAgeMonths);
    plain.dispose();
  });
});

describe('BoneAgeModel with learned cell weights (output.reduce "weighted")', () => {
  const weightedCard = { name: 'w', input: THUMBNAIL_INPUT, output: { unit: 'months', scale: 10, offset: 120, reduce: 'weighted', bySex: true } } as unknown as ModelCard;

  it('starts as the plain-mean model (zero logits) and reads the last channel as softmax weights once they move', async () => {
    const plainNet = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 5);
    const net = buildBoNet({ ...DEFAULT_BONET, sexHeads: true, cellWeights: true }, 5);
    expect(net.outputs[0].shape[3]).toBe(3);
    for (const layer of plainNet.layers) if (layer.weights.length) net.getLayer(layer.name).setWeights(layer.getWeights());
    const plain = new BoneAgeModel(plainNet, card(true));
    const weighted = new BoneAgeModel(net, weightedCard);
    const p = plane(7);
    const [a] = await plain.estimatePlanes([p], ['male']);
    const [b] = await weighted.estimatePlanes([p], ['male']);
    expect(b.map.weights).toHaveLength(100);
    expect(Math.max(...b.map.weights!) - Math.min(...b.map.weights!)).toBeLessThan(1e-7);
    expect(Array.from(b.map.months)).toEqual(Array.from(a.map.months));
    expect(b.boneAgeMonths).toBeCloseTo(a.boneAgeMonths, 4);

    // Non-zero logits: the estimate is Σ softmax(logit)·age over the cells, read here from the raw output.
    const logitLayer = net.getLayer('cell_logit');
    const [k] = logitLayer.getWeights();
    logitLayer.setWeights([tf.randomNormal(k.shape, 0, 0.3, 'float32', 3), tf.tensor1d([0.5])]);
    const [c] = await weighted.estimatePlanes([p], ['female']);
    const raw = tf.tidy(() => net.predict(tf.tensor4d(p.data, [1, 100, 100, 1])) as tf.Tensor4D);
    const [, girl, logit] = tf.split(raw, 3, 3).map((t) => Array.from(t.dataSync()));
    raw.dispose();
    const e = logit.map(Math.exp);
    const z = e.reduce((s, v) => s + v, 0);
    const expected = girl.reduce((s, v, i) => s + (e[i] / z) * (v * 10 + 120), 0);
    expect(c.boneAgeMonths).toBeCloseTo(expected, 3);
    expect(Math.max(...c.map.weights!) / Math.min(...c.map.weights!)).toBeGreaterThan(1.5);
    // Both sex readings share the one set of weights.
    expect(c.bySex!.male.map.weights).toEqual(c.bySex!.female.map.weights);
    plain.dispose();
    weighted.dispose();
  });
});
