import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildBoNet, THUMBNAIL_INPUT } from '../../core/model';
import type { BoNetConfig, OutputSpec } from '../../core/model/types';
import type { PlaneSet } from '../../training/data/rsna';
import { mulberry32 } from '../../training/data/split';
import { mapMeanLoss } from '../../training/loss';
import { initTrainingRuntime } from '../../training/runtime';
import { recalibrateOn, validateOn } from '../../training/validate';

/** A random plane set: the tensor bookkeeping does not depend on what the images show. */
function randomSet(n: number, side: number, seed: number): PlaneSet {
  const rand = mulberry32(seed);
  return {
    x: Float32Array.from({ length: n * side * side }, () => rand() * 2 - 1),
    months: Array.from({ length: n }, () => 12 + rand() * 200),
    male: Array.from({ length: n }, () => rand() < 0.5),
  };
}

describe('training loop (in process): live tensors', () => {
  it('are the same at the start of every epoch after the first, which adds only the optimizer state', async () => {
    await initTrainingRuntime('wasm');
    const side = 32;
    const spec = { ...THUMBNAIL_INPUT, width: side, height: side };
    const config: BoNetConfig = {
      convLayers: [{ filters: 4, kernel: 3, stride: 2, pool: true }, { filters: 8, kernel: 3, stride: 1, pool: false }],
      deformAfter: null, batchNorm: true, head: { filters: 8, kernel: 3, dropout: 0.2 }, sexHeads: true,
    };
    const net = buildBoNet(config, 1);
    const optimizer = tf.train.adam(1e-3);
    const train = randomSet(24, side, 2), val = randomSet(8, side, 3);
    const output: OutputSpec = { unit: 'months', scale: 50, offset: 120, reduce: 'mean', bySex: true };
    const batch = 8, plane = side * side;
    const atEpochStart: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      atEpochStart.push(tf.memory().numTensors);
      for (let s = 0; s < train.months.length / batch; s++) {
        // The same steps as training/train.ts: batch tensors in, loss and predictions read back, all disposed.
        const x = tf.tensor4d(train.x.subarray(s * batch * plane, (s + 1) * batch * plane), [batch, side, side, 1]);
        const y = tf.tensor1d(train.months.slice(s * batch, (s + 1) * batch).map((m) => (m - 120) / 50));
        const male = tf.tensor1d(train.male.slice(s * batch, (s + 1) * batch).map((m) => (m ? 1 : 0)));
        let pred: tf.Tensor | undefined;
        const loss = optimizer.minimize(() => {
          const r = mapMeanLoss(net, x, y, male);
          pred = r.pred;
          return r.loss;
        }, true)!;
        await loss.data();
        await pred!.data();
        tf.dispose([x, y, male, loss, pred!]);
      }
      recalibrateOn(net, train, spec);
      const figures = await validateOn(net, val, spec, output);
      expect(Number.isFinite(figures.mae_months)).toBe(true);
    }
    // Adam's two moments per trainable variable, made on the first step (its β powers exist from the start).
    expect(atEpochStart[1] - atEpochStart[0]).toBe(2 * net.trainableWeights.length);
    expect(atEpochStart.slice(2)).toEqual([atEpochStart[1], atEpochStart[1]]);
  });
});
