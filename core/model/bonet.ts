import * as tfl from '@tensorflow/tfjs-layers';
import { SpatialTransformer } from './spatial-transformer';
import type { BoNetConfig } from './types';

/**
 * Builds BoNet as a fully-convolutional network: any H×W grayscale input → an age map
 * [B, h', w', 1] in standardised units (see OutputSpec). The mean of the map is the estimate.
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
  return tfl.model({ inputs: input, outputs: map, name: 'bonet' });
}
