import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildBoNet, DEFAULT_BONET, ensembleMembers, roiNetwork } from '../../../core/model';
import { Deconvnet } from '../../../core/roi';
import { combineModels } from '../../../training/io/combine-models';
import { loadModelFolder, saveModelFolder } from '../../../training/io/model-files';
import { parseLayers } from '../../../training/layers-spec';

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('combineModels', () => {
  it('averages the members\' age maps cell by cell, survives a save and load, and keeps the first member\'s layer names for the ROIs', async () => {
    await tf.setBackend('cpu');
    const a = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 1);
    const b = buildBoNet({ ...DEFAULT_BONET, sexHeads: true, convLayers: parseLayers('8x3p,16x3,16x3p,32x3p,32x3') }, 2);
    const ensemble = await combineModels([a, b]);
    const x = tf.randomNormal([2, 100, 100, 1], 0, 1, 'float32', 3);
    const [ya, yb, y] = [a, b, ensemble].map((n) => n.predict(x) as tf.Tensor);
    expect(y.shape).toEqual([2, 10, 10, 2]);
    expect(maxDiff(y, tf.div(tf.add(ya, yb), 2))).toBeLessThan(1e-5);
    // The members differ, so the mean is not either of them.
    expect(maxDiff(ya, yb)).toBeGreaterThan(1e-3);

    const dir = mkdtempSync(join(tmpdir(), 'ensemble-'));
    await saveModelFolder(ensemble, dir);
    const back = await loadModelFolder(dir);
    expect(maxDiff(back.predict(x) as tf.Tensor, y)).toBeLessThan(1e-6);
    expect(ensembleMembers(back)).toHaveLength(2);
    expect(back.countParams()).toBe(a.countParams() + b.countParams());
    expect(Deconvnet.fromLayersModel(roiNetwork(back)).layerNames).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'fc_conv']);
    expect(ensembleMembers(a)).toHaveLength(0);
    expect(roiNetwork(a)).toBe(a);
  });

  it('refuses members whose maps cannot be averaged cell by cell', async () => {
    await tf.setBackend('cpu');
    const a = buildBoNet({ ...DEFAULT_BONET, sexHeads: true }, 1);
    const twoPools = buildBoNet({ ...DEFAULT_BONET, sexHeads: true, convLayers: parseLayers('8x3p,16x3p,32x3') }, 2);
    await expect(combineModels([a, twoPools])).rejects.toThrow(/differ in shape.*1×10×10×2, 1×23×23×2/);
    await expect(combineModels([a])).rejects.toThrow(/at least two/);
  });
});
