import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BoneAgeModel, buildBoNet, DEFAULT_BONET } from '../../../core/model';
import { THUMBNAIL_INPUT } from '../../../core/model/constants';
import { cardForReading, effectiveReading, offersCarefulReading, passesOf, readingName } from '../../../core/model/reading-mode';
import type { ModelCard, ValidationFigures } from '../../../core/model/types';
import { averageEstimates, TTA_SHIFT_SETS } from '../../../core/uncertainty/tta-estimate';
import { shiftedPlanes } from '../../../core/uncertainty/tta';
import { useBackend } from '../../helpers/tf-backends';

beforeAll(() => useBackend('cpu'));

const figures = (mae: number): ValidationFigures => ({ n: 100, mae_months: mae, rmse_months: mae * 1.3, bias_months: 0, within_12_months: 0.7 });
const standardInterval = { method: 'constant', coverage: 0.9, q: 19.2, offsetMonths: 1 };
const carefulInterval = { method: 'constant', coverage: 0.9, q: 18.7, offsetMonths: 1 };
const card = (careful?: Partial<NonNullable<ModelCard['careful']>>): ModelCard => ({
  name: 't', version: '1', input: THUMBNAIL_INPUT,
  output: { unit: 'months', scale: 10, offset: 120, reduce: 'mean', bySex: true },
  validation: figures(9.1),
  checks: [{ name: '40', figures: figures(8.5), note: 'one pass' }],
  interval: standardInterval,
  ...(careful ? { careful: { tta: 'axis1', ...careful } } : {}),
}) as unknown as ModelCard;

describe('reading modes of a model card', () => {
  it('offers a careful reading only with its own validation figures, on a card that reads in one pass', () => {
    expect(offersCarefulReading(card())).toBe(false);
    expect(offersCarefulReading(card({}))).toBe(false); // no validated error: not offered
    expect(offersCarefulReading(card({ validation: figures(8.96) }))).toBe(true);
    const alreadyTta = { ...card({ validation: figures(8.96) }), output: { ...card().output, tta: 'axis1' as const } };
    expect(offersCarefulReading(alreadyTta)).toBe(false);
    expect(offersCarefulReading(card({ validation: figures(8.96), tta: 'nine' as never }))).toBe(false);
    expect(effectiveReading(card(), 'careful')).toBe('standard');
    expect(effectiveReading(card({ validation: figures(8.96) }), 'careful')).toBe('careful');
  });

  it('gives the careful reading a card with its TTA and its own figures in the standard places', () => {
    const c = card({ validation: figures(8.96), checks: [{ name: '40', figures: figures(8.51), note: 'TTA' }], interval: carefulInterval as never });
    expect(cardForReading(c, 'standard')).toBe(c);
    const careful = cardForReading(c, 'careful') as ModelCard & { interval?: unknown };
    expect(careful.output.tta).toBe('axis1');
    expect(careful.validation.mae_months).toBe(8.96);
    expect(careful.checks![0].figures.mae_months).toBe(8.51);
    expect(careful.interval).toEqual(carefulInterval);
    expect(careful.careful).toBeUndefined();
    expect(c.output.tta).toBeUndefined(); // pure: the card is untouched
    // No careful checks or interval: none shown, rather than the one-pass reading's.
    const bare = cardForReading(card({ validation: figures(8.96) }), 'careful') as ModelCard & { interval?: unknown };
    expect(bare.checks).toEqual([]);
    expect(bare.interval).toBeUndefined();
    // A check of the training recipe (a cross-validation of other networks) is the same for both readings:
    // kept beside the careful reading's own checks, while the one-pass check of the weights is not.
    const recipe = { name: '5-fold', figures: figures(10.2), note: 'pooled', describes: 'recipe' as const };
    const withRecipe = { ...c, checks: [...c.checks!, recipe] };
    expect(cardForReading(withRecipe, 'careful').checks!.map((k) => [k.name, k.figures.mae_months])).toEqual([['40', 8.51], ['5-fold', 10.2]]);
    expect(cardForReading({ ...card({ validation: figures(8.96) }), checks: [recipe] }, 'careful').checks).toEqual([recipe]);
    expect([passesOf(c, 'standard'), passesOf(c, 'careful'), passesOf(card(), 'careful')]).toEqual([1, 5, 1]);
    expect([readingName(c, 'standard'), readingName(c, 'careful'), readingName(card(), 'careful')]).toEqual(['one pass', 'careful reading, 5 passes', 'one pass']);
  });

  it('BoneAgeModel.forReading reads the same network as the mean over the shifted planes, sharing it', async () => {
    const net = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 5);
    const model = new BoneAgeModel(net, card({ validation: figures(8.96) }));
    expect(model.forReading('standard')).toBe(model);
    const careful = model.forReading('careful');
    expect(careful).toBe(model.forReading('careful'));
    expect(careful.net).toBe(net);
    const plane = { width: 100, height: 100, data: tf.randomNormal([100 * 100], 0, 1, 'float32', 3).dataSync() as Float32Array };
    const one = await model.estimatePlane(plane, 'female');
    const five = await careful.estimatePlane(plane, 'female');
    const planes = shiftedPlanes(plane, TTA_SHIFT_SETS.axis1);
    const expected = averageEstimates(await model.estimatePlanes(planes, planes.map(() => 'female')));
    expect(five.boneAgeMonths).toBeCloseTo(expected.boneAgeMonths, 4);
    expect(Math.abs(five.boneAgeMonths - one.boneAgeMonths)).toBeGreaterThan(1e-4);
    // A careful reading this version cannot do (a newer card) is not offered; the model still loads and reads.
    const newer = new BoneAgeModel(net, card({ tta: 'nine' as never, validation: figures(8.96) }));
    expect(newer.forReading('careful')).toBe(newer);
    model.dispose();
  });
});
