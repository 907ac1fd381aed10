import * as tfl from '@tensorflow/tfjs-layers';

/** The layer of an ensemble model that averages its members' age maps (training/combine.ts). */
export const ENSEMBLE_MEAN_LAYER = 'ensemble_mean';

/**
 * The member networks of an ensemble model: one LayersModel whose members are nested models, all fed the
 * same input, their age maps averaged cell by cell by ENSEMBLE_MEAN_LAYER. The page, evaluate, TTA and the
 * interval read it as one network (the mean map's mean is the mean of the members' estimates). Empty for a
 * plain BoNet.
 */
export function ensembleMembers(net: tfl.LayersModel): tfl.LayersModel[] {
  return net.layers.filter((l): l is tfl.LayersModel => l instanceof tfl.LayersModel);
}

/** The network whose features the deconvnet projects: the first member of an ensemble (its layers keep
 *  their plain names, conv1…), the model itself otherwise. */
export function roiNetwork(net: tfl.LayersModel): tfl.LayersModel {
  return ensembleMembers(net)[0] ?? net;
}
