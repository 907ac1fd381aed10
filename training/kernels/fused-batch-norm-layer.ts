import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-layers'; // registers BatchNormalization with tfjs's serialization map
import { batchNormTrain, hasFusedBatchNormTraining } from './batch-norm-train';

/** The parts of tfjs-layers' BatchNormalization that its training-mode call reads. */
interface BatchNormLayer {
  axis: number;
  momentum: number;
  epsilon: number;
  gamma: tfl.LayerVariable | null;
  beta: tfl.LayerVariable | null;
  movingMean: tfl.LayerVariable;
  movingVariance: tfl.LayerVariable;
}

type Call = (this: BatchNormLayer, inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor;

// The class from tfjs's serialization registry (tfjs-layers does not export it; making an instance
// to reach its prototype would use up an automatic layer name).
const [layerClass] = tf.serialization.SerializationMap.getMap().classNameMap['BatchNormalization'];
const proto = layerClass.prototype as unknown as { call: Call };
const stockCall = proto.call;

/**
 * tfjs-layers' BatchNormalization.call with its training branch on the fused kernels
 * (batch-norm-train.ts) when the backend has them: same outputs, same moving-average update
 * (moving ← moving − (moving − batch)·(1 − momentum), biased batch variance), far fewer kernels.
 * Everything else — inference, a channel axis other than the last, a layer without scale or
 * centre, a backend without the kernels — goes to the stock call. The class is tfjs-layers' own,
 * so saved models are unchanged; only the training runtime installs this.
 */
const fusedCall: Call = function (this: BatchNormLayer, inputs, kwargs) {
  const input = Array.isArray(inputs) ? inputs[0] : inputs;
  const lastAxis = this.axis === -1 || this.axis === input.rank - 1;
  if (!kwargs?.['training'] || !lastAxis || !this.gamma || !this.beta || !hasFusedBatchNormTraining()) {
    return stockCall.call(this, inputs, kwargs);
  }
  return tf.tidy(() => {
    const [y, mean, variance] = batchNormTrain(input, this.gamma!.read() as tf.Tensor1D, this.beta!.read() as tf.Tensor1D, this.epsilon);
    const decay = 1 - this.momentum;
    for (const [variable, value] of [[this.movingMean, mean], [this.movingVariance, variance]] as const) {
      tf.tidy(() => {
        const orig = variable.read();
        variable.write(tf.sub(orig, tf.mul(tf.sub(orig, value), decay)));
      });
    }
    return y;
  });
};

/** Turns the fused training BatchNorm on or off for every tfjs-layers BatchNormalization in this
 *  thread (off until called: train.ts --fused-batchnorm, and each of its workers). */
export function useFusedBatchNormTraining(on: boolean): void {
  proto.call = on ? fusedCall : stockCall;
}

/** Whether BatchNormalization layers in this thread are routed to the fused kernels. */
export function isFusedBatchNormTraining(): boolean {
  return proto.call === fusedCall;
}
