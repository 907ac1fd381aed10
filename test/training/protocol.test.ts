import { describe, expect, it } from 'vitest';
import { describeAugmentation, describeOptimizer, resolveRecipe } from '../../training/protocol';

describe('resolveRecipe', () => {
  it('keeps train.ts\'s defaults without --protocol', () => {
    expect(resolveRecipe({})).toEqual({
      protocol: 'default', optimizer: 'adam', momentum: 0.9, lr: 2e-3, schedule: 'cosine', decay: 2e-4,
      batch: 32, crops: 0, cropSize: 90, shift: 6, rotate: 0, scale: 0, target: 'standardised', loss: 'mse', weightDecay: 0,
    });
    expect(describeAugmentation(resolveRecipe({}), 100, 100)).toBe('random integer shift up to ±6 px (edge-replicated)');
  });
  it('--protocol paper is BoNet §4.2: SGD momentum 0.9, lr 0.002 / (1 + 0.0002 t), batch 4, 10 crops, no shift', () => {
    const r = resolveRecipe({ protocol: 'paper' });
    expect(r).toMatchObject({ protocol: 'paper', optimizer: 'momentum', momentum: 0.9, lr: 0.002, schedule: 'inverse-time', decay: 0.0002, batch: 4, crops: 10, cropSize: 90, shift: 0 });
    expect(describeOptimizer(r)).toMatch(/^SGD with momentum 0.9, lr0 0.002, decayed per mini-batch as lr0 \/ \(1 \+ 0.0002·t\)/);
    expect(describeAugmentation(r, 100, 100)).toBe('10 uniformly spaced 90×90 crops per 100×100 image (rank-1 lattice offsets), each a training sample');
  });
  it('lets each explicit option override the protocol, one deviation at a time', () => {
    expect(resolveRecipe({ protocol: 'paper', batch: 16 })).toMatchObject({ batch: 16, optimizer: 'momentum', crops: 10 });
    expect(resolveRecipe({ protocol: 'paper', optimizer: 'adam', schedule: 'cosine' })).toMatchObject({ optimizer: 'adam', schedule: 'cosine', batch: 4 });
    expect(resolveRecipe({ crops: 10, shift: 0 })).toMatchObject({ protocol: 'default', crops: 10, shift: 0, optimizer: 'adam' });
    expect(resolveRecipe({ target: 'months' }).target).toBe('months');
  });
  it('adds rotation and scaling only when asked, and says so on the card', () => {
    const r = resolveRecipe({ rotate: 10, scale: 0.1 });
    expect(r).toMatchObject({ rotate: 10, scale: 0.1, shift: 6 });
    expect(describeAugmentation(r, 100, 100)).toBe('random rotation up to ±10° and magnification 0.9–1.1 about the centre (bilinear); then random integer shift up to ±6 px (edge-replicated)');
    expect(describeAugmentation(resolveRecipe({ rotate: 5 }), 100, 100)).toMatch(/^random rotation up to ±5° about the centre/);
    expect(() => resolveRecipe({ rotate: 90 })).toThrow(/--rotate/);
    expect(() => resolveRecipe({ scale: -0.1 })).toThrow(/--scale/);
  });
  it('takes the L1 loss and decoupled weight decay only when asked, and says so on the card', () => {
    const r = resolveRecipe({ loss: 'l1', 'weight-decay': 0.02 });
    expect(r).toMatchObject({ loss: 'l1', weightDecay: 0.02, optimizer: 'adam' });
    expect(describeOptimizer(r)).toMatch(/^Adam, peak lr 0.002, decoupled weight decay 0.02 on the conv kernels \(AdamW-style\), .*; mean absolute error on the standardised label;/);
    expect(describeOptimizer(resolveRecipe({}))).toMatch(/; MSE on the standardised label;/);
    expect(() => resolveRecipe({ loss: 'huber' })).toThrow(/--loss must be one of mse, l1/);
    expect(() => resolveRecipe({ 'weight-decay': -1 })).toThrow(/--weight-decay/);
  });
  it('refuses unknown values', () => {
    expect(() => resolveRecipe({ protocol: 'imagenet' })).toThrow(/--protocol/);
    expect(() => resolveRecipe({ optimizer: 'sgd' })).toThrow(/--optimizer must be one of adam, momentum/);
    expect(() => resolveRecipe({ target: 'years' })).toThrow(/--target/);
    expect(() => resolveRecipe({ crops: 2.5 })).toThrow(/--crops/);
  });
});
