import * as tfl from '@tensorflow/tfjs-layers';
import { QC_CLASSES } from '../../core/qc/classes';
import { QC_SIDE } from '../../core/qc/qc-input';

/** The QC classifier: four 3×3 convs with pooling, then a dense layer that sees the whole layout
 *  (left/right and up/down are about where things are, so no global pooling). Outputs logits. */
export function buildQcNet(seed = 1): tfl.LayersModel {
  const init = (k: number) => tfl.initializers.heNormal({ seed: seed + k });
  const conv = (filters: number, k: number) => tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(k) });
  return tfl.sequential({
    layers: [
      tfl.layers.inputLayer({ inputShape: [QC_SIDE, QC_SIDE, 1] }),
      conv(8, 1), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(16, 2), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(32, 3), tfl.layers.maxPooling2d({ poolSize: 2 }),
      conv(32, 4),
      tfl.layers.flatten(),
      tfl.layers.dropout({ rate: 0.3 }),
      tfl.layers.dense({ units: 48, activation: 'relu', kernelInitializer: init(5) }),
      tfl.layers.dense({ units: QC_CLASSES.length, kernelInitializer: tfl.initializers.glorotNormal({ seed: seed + 6 }) }),
    ],
  });
}
