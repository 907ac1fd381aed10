import { roiNetwork, type BoneAgeModel } from '../../core/model';
import { Deconvnet, learnedRois, planStages } from '../../core/roi';
import { useRoisStore } from './rois-store';
import { decodedImage } from '../viewer/image-loader';
import { currentCase, useStore } from './store';

/** One deconvnet per loaded network (both reading modes share it), made at the first request (its
 *  filters are folded once, then reused for every case). */
const deconvnets = new WeakMap<BoneAgeModel['net'], Deconvnet>();

function deconvnetFor(model: BoneAgeModel): Deconvnet {
  let net = deconvnets.get(model.net);
  if (!net) {
    // An ensemble's ROIs are its first network's (core/model/ensemble.ts); the card panel says so.
    net = Deconvnet.fromLayersModel(roiNetwork(model.net));
    deconvnets.set(model.net, net);
  }
  return net;
}

/** The layers the picker offers: the model's rectified conv layers (read from its configuration, no
 *  tensor work, so it is safe during render), or none before it is loaded or when it cannot be followed. */
export function roiLayersOf(model: BoneAgeModel | null): string[] {
  if (!model) return [];
  try {
    return planStages(roiNetwork(model.net)).map((p) => p.name);
  } catch {
    return [];
  }
}

/** Projects the chosen layer's top-k activations of the case on screen (on demand: never part of the estimate). */
export async function runLearnedRois(): Promise<void> {
  const { model } = useStore.getState();
  const current = currentCase(useStore.getState());
  const rois = useRoisStore.getState();
  if (!model || !current?.imageId || rois.running) return;
  const imageId = current.imageId;
  const { layer, k } = rois;
  const seq = current.seq;
  useRoisStore.setState({ running: true, error: null });
  try {
    const t0 = performance.now();
    // The store keeps only the image header; the pixels come from the viewer's loader (decoded again if released).
    const pixels = await decodedImage(imageId);
    const out = await learnedRois(deconvnetFor(model), pixels, model.card.input, { layer, k });
    const ms = performance.now() - t0;
    if (currentCase(useStore.getState())?.seq !== seq) return; // another file was opened meanwhile
    useRoisStore.setState({ result: { seq, layer, k, rois: out, ms } });
  } catch (error) {
    console.error('Learned ROIs failed:', error);
    useRoisStore.setState({ error: `The learned ROIs could not be computed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    useRoisStore.setState({ running: false });
  }
}
