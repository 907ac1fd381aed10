import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { GrayImage } from '../pipeline/types';
import { stagesFromLayersModel, type DeconvStage } from './stages';
import { TransposedConv } from './transposed-conv';
import { poolSwitches, switchMask, topMaps, type Hwc } from './switches';

/** What one image's forward pass left behind, per stage: plain arrays, nothing to dispose. */
export interface ForwardRecord {
  width: number;
  height: number;
  layers: Array<{
    name: string;
    /** Shape of the stage's input (the previous stage's pooled output, or the image). */
    inShape: Hwc;
    /** Shape of the rectified, pre-pool activation. */
    shape: Hwc;
    /** The rectified, pre-pool activation of this image. */
    activation: Float32Array;
    /** Max-pool switches (flat indices into `activation`), or null when the stage has no pool. */
    switches: Int32Array | null;
  }>;
}

/** One feature map's strongest activation projected back to the input plane. */
export interface Projection {
  layer: string;
  map: number;
  activation: number;
  /** Position of the activation in the layer's grid. */
  row: number;
  col: number;
  /** The reconstruction in the input plane (signed), row-major. */
  width: number;
  height: number;
  pixels: Float32Array;
}

/**
 * Zeiler & Fergus (2014) deconvnet over a plain conv net: record a forward pass (rectified pre-pool
 * activations and max-pool switches of this image), then, from one layer, keep each chosen map's
 * single strongest activation and go back down: unpool with the switches, rectify, apply the
 * transposed filters — layer by layer to the input plane. Not a gradient: the backward ReLU rectifies
 * the signal itself rather than gating it by the forward activations.
 */
export class Deconvnet {
  readonly layerNames: string[];
  private readonly transposed: TransposedConv[];
  private disposed = false;

  constructor(private readonly stages: DeconvStage[]) {
    this.layerNames = stages.map((s) => s.name);
    this.transposed = stages.map((s) => new TransposedConv(s.kernel, s.strides, s.padding));
  }

  /** The deconvnet of a BoNet-shaped LayersModel (see stagesFromLayersModel). The model itself is not kept. */
  static fromLayersModel(model: tfl.LayersModel): Deconvnet {
    return new Deconvnet(stagesFromLayersModel(model));
  }

  layerIndex(name: string): number {
    const i = this.layerNames.indexOf(name);
    if (i < 0) throw new Error(`No layer "${name}" to project from (have ${this.layerNames.join(', ')}).`);
    return i;
  }

  /** Runs one image (already the model's input plane) up to and including layer `upTo` (default: all). */
  async forward(plane: GrayImage, upTo: string = this.layerNames[this.layerNames.length - 1]): Promise<ForwardRecord> {
    this.assertLive();
    const last = this.layerIndex(upTo);
    const inChannels = this.stages[0].kernel.shape[2];
    if (inChannels !== 1) throw new Error(`The deconvnet projects to a grayscale plane; this net takes ${inChannels} channels.`);
    if (plane.data.length !== plane.width * plane.height) throw new Error(`Input plane ${plane.width}×${plane.height} does not match its data.`);
    const acts = tf.tidy(() => {
      let a = tf.tensor4d(plane.data, [1, plane.height, plane.width, inChannels]);
      const out: tf.Tensor4D[] = [];
      for (let i = 0; i <= last; i++) {
        const s = this.stages[i];
        const r = tf.relu(tf.add(tf.conv2d(a, s.kernel, s.strides, s.padding), s.shift)) as tf.Tensor4D;
        out.push(r);
        a = s.pool ? tf.maxPool(r, 2, 2, 'valid') : r;
      }
      return out;
    });
    const data = await Promise.all(acts.map((t) => t.data() as Promise<Float32Array>));
    const shapes = acts.map((t) => t.shape.slice(1) as Hwc);
    tf.dispose(acts);
    return {
      width: plane.width,
      height: plane.height,
      layers: data.map((activation, i) => {
        const s = this.stages[i];
        const shape = shapes[i];
        const prev = i === 0 ? ([plane.height, plane.width, inChannels] as Hwc) : shapes[i - 1];
        const inShape: Hwc = i > 0 && this.stages[i - 1].pool ? [Math.floor(prev[0] / 2), Math.floor(prev[1] / 2), prev[2]] : prev;
        return { name: s.name, inShape, shape, activation, switches: s.pool ? poolSwitches(activation, shape) : null };
      }),
    };
  }

  /** The top-k maps of `layer` for the recorded image, each strongest activation projected to the input plane. */
  async project(record: ForwardRecord, layer: string, k: number): Promise<Projection[]> {
    this.assertLive();
    const top = this.layerIndex(layer);
    const rec = record.layers[top];
    if (!rec) throw new Error(`The forward pass stopped before layer "${layer}".`);
    const picks = topMaps(rec.activation, rec.shape, k);
    if (!picks.length) return [];
    const [h, w, c] = rec.shape;
    const start = new Float32Array(picks.length * h * w * c);
    picks.forEach((p, n) => (start[((n * h + p.row) * w + p.col) * c + p.map] = p.value));
    const out = tf.tidy(() => {
      const n = picks.length;
      let signal = tf.tensor4d(start, [n, h, w, c]);
      for (let i = top; i >= 0; i--) {
        const r = record.layers[i];
        if (i < top && r.switches) signal = unpool(signal, r.switches, r.shape);
        signal = tf.relu(signal);
        signal = this.transposed[i].apply(signal, r.inShape);
      }
      return signal;
    });
    const pixels = (await out.data()) as Float32Array;
    out.dispose();
    const plane = record.width * record.height;
    return picks.map((p, n) => ({
      layer,
      map: p.map,
      activation: p.value,
      row: p.row,
      col: p.col,
      width: record.width,
      height: record.height,
      pixels: pixels.slice(n * plane, (n + 1) * plane),
    }));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.stages) tf.dispose([s.kernel, s.shift]);
    for (const t of this.transposed) t.dispose();
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This deconvnet has been disposed.');
  }
}

/** Unpooling: each pooled value goes back to the position its switch recorded; the rest of the window is 0. */
function unpool(signal: tf.Tensor4D, switches: Int32Array, shape: Hwc): tf.Tensor4D {
  const [h, w, c] = shape;
  const [, ph, pw] = signal.shape;
  const up = tf.image.resizeNearestNeighbor(signal, [2 * ph, 2 * pw]);
  const padded = h > 2 * ph || w > 2 * pw ? tf.pad(up, [[0, 0], [0, h - 2 * ph], [0, w - 2 * pw], [0, 0]]) : up;
  return tf.mul(padded, tf.tensor4d(switchMask(switches, shape), [1, h, w, c])) as tf.Tensor4D;
}
