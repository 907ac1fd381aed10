import * as tfl from '@tensorflow/tfjs-layers';
import { SpatialTransformer } from './spatial-transformer';
import type { BoNetConfig } from './types';

/**
 * Builds BoNet as a fully-convolutional network: any H×W grayscale input → an age map
 * [B, h', w', c] in standardised units (see OutputSpec): one age channel, or one per sex, then with
 * cellWeights a logit channel. The (weighted) mean of the map is the estimate.
 */
export function buildBoNet(config: BoNetConfig, seed = 1): tfl.LayersModel {
  const input = tfl.input({ shape: [null, null, 1], name: 'radiograph' });
  let x = input as tfl.SymbolicTensor;
  let s = seed;
  const init = () => tfl.initializers.heNormal({ seed: s++ });
  if (config.deformAfter === -1) x = new SpatialTransformer({ name: 'deform' }).apply(x) as tfl.SymbolicTensor;
  config.convLayers.forEach((layer, i) => {
    x = tfl.layers
      .conv2d({
        name: `conv${i + 1}`,
        filters: layer.filters,
        kernelSize: layer.kernel,
        strides: layer.stride,
        padding: 'same',
        useBias: !config.batchNorm,
        kernelInitializer: init(),
      })
      .apply(x) as tfl.SymbolicTensor;
    if (config.batchNorm) x = tfl.layers.batchNormalization({ name: `bn${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reLU({ name: `relu${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    if (layer.pool) x = tfl.layers.maxPooling2d({ name: `pool${i + 1}`, poolSize: 2, strides: 2 }).apply(x) as tfl.SymbolicTensor;
    if (config.deformAfter === i) x = new SpatialTransformer({ name: 'deform' }).apply(x) as tfl.SymbolicTensor;
  });
  // The "fully connected" layer as a conv whose kernel spans its window; then 1×1 to one age per cell.
  x = tfl.layers
    .conv2d({ name: 'fc_conv', filters: config.head.filters, kernelSize: config.head.kernel, padding: 'valid', activation: 'relu', kernelInitializer: init() })
    .apply(x) as tfl.SymbolicTensor;
  // No seed: tfjs re-seeds a seeded dropout on every call, which would drop the same units every step.
  if (config.head.dropout > 0) x = tfl.layers.dropout({ name: 'fc_dropout', rate: config.head.dropout }).apply(x) as tfl.SymbolicTensor;
  const map = tfl.layers
    .conv2d({ name: 'age_map', filters: config.sexHeads ? 2 : 1, kernelSize: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: s++ }) })
    .apply(x) as tfl.SymbolicTensor;
  if (!config.cellWeights) return tfl.model({ inputs: input, outputs: map, name: 'bonet' });
  // Zero-initialised: every cell starts at weight 1/N, so the weighted model starts as the plain-mean one
  // (and a plain-mean model's weights can seed it unchanged).
  const logit = tfl.layers.conv2d({ name: CELL_LOGIT_LAYER, filters: 1, kernelSize: 1, kernelInitializer: 'zeros' }).apply(x) as tfl.SymbolicTensor;
  const out = tfl.layers.concatenate({ name: 'map_and_logit', axis: -1 }).apply([map, logit]) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: out, name: 'bonet' });
}

/** The 1×1 conv whose output is the cells' confidence logits (BoNetConfig.cellWeights). */
export const CELL_LOGIT_LAYER = 'cell_logit';

/** True when a built or loaded BoNet carries the cell-confidence channel. */
export function hasCellWeights(net: tfl.LayersModel): boolean {
  return net.layers.some((l) => l.name === CELL_LOGIT_LAYER);
}
