import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { ENSEMBLE_MEAN_LAYER } from '../../core/model/ensemble';

/** The prefix of member i's layer names (0-based; the first member keeps its names). */
export function memberPrefix(i: number): string {
  return i === 0 ? '' : `m${i + 1}_`;
}

/** The outer input's name: the first member keeps its own input layer ('radiograph'). */
const ENSEMBLE_INPUT = 'ensemble_input';

/** A copy of `net` with every layer (and so every weight) renamed by `rename`, weights copied. */
export async function renamedCopy(net: tfl.LayersModel, rename: (name: string) => string): Promise<tfl.LayersModel> {
  type NodeRef = [string, ...unknown[]];
  type LayerJson = { name: string; config: { name: string }; inbound_nodes: NodeRef[][] };
  const topology = JSON.parse(JSON.stringify(net.toJSON(null, false))) as {
    config: { name: string; layers: LayerJson[]; input_layers: NodeRef[]; output_layers: NodeRef[] };
  };
  const cfg = topology.config;
  cfg.name = rename(cfg.name);
  for (const layer of cfg.layers) {
    layer.name = rename(layer.name);
    layer.config.name = rename(layer.config.name);
    for (const node of layer.inbound_nodes) for (const ref of node) ref[0] = rename(ref[0]);
  }
  for (const ref of [...cfg.input_layers, ...cfg.output_layers]) ref[0] = rename(ref[0]);
  const copy = await tfl.models.modelFromJSON({ modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'] });
  copy.setWeights(net.getWeights());
  return copy;
}

/**
 * One LayersModel that reads the image with every member and averages their age maps cell by cell (so
 * its map's mean is the mean of the members' estimates). Members 2… are renamed `m2_`, `m3_`… so that
 * layer and weight names stay unique; the first keeps its names, which the deconvnet shows (conv1…).
 * All members must give maps of the same shape for the same input.
 */
export async function combineModels(nets: tfl.LayersModel[], probe: [number, number] = [100, 100]): Promise<tfl.LayersModel> {
  if (nets.length < 2) throw new Error('An ensemble needs at least two models.');
  const shapes = nets.map((net) => tf.tidy(() => (net.predict(tf.zeros([1, probe[0], probe[1], 1])) as tf.Tensor).shape.join('×')));
  if (new Set(shapes).size !== 1) throw new Error(`The models' age maps differ in shape for a ${probe[0]}×${probe[1]} input (${shapes.join(', ')}); they cannot be averaged cell by cell.`);
  const members = await Promise.all(nets.map((net, i) => (i === 0 ? net : renamedCopy(net, (name) => `${memberPrefix(i)}${name}`))));
  const input = tfl.input({ shape: [null, null, 1], name: ENSEMBLE_INPUT });
  const maps = members.map((m) => m.apply(input) as tfl.SymbolicTensor);
  const mean = tfl.layers.average({ name: ENSEMBLE_MEAN_LAYER }).apply(maps) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: mean, name: 'bonet_ensemble' });
}
