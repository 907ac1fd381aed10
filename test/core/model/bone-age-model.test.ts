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
