import * as tf from '@tensorflow/tfjs-core';
import { registerWasmTrainingKernels } from './kernels/register';

/**
 * The Node training runtime: tfjs-node (native TensorFlow) when the user's machine has it installed,
 * else the wasm backend with the project's own gradient kernels. tfjs-node is optional: its install
 * downloads libtensorflow, which is not possible everywhere.
 */
export async function initTrainingRuntime(prefer?: string): Promise<string> {
  if (prefer !== 'wasm' && prefer !== 'cpu') {
    try {
      const name = '@tensorflow/tfjs-node';
      await import(/* @vite-ignore */ name);
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // not installed: fall through to wasm
    }
  }
  if (prefer === 'cpu') {
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    return 'cpu';
  }
  const events = ['uncaughtException', 'unhandledRejection'] as const;
  const before = events.map((e) => process.listeners(e));
  await import('@tensorflow/tfjs-backend-wasm');
  await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend('wasm'))) throw new Error('The wasm backend failed to initialise.');
  await tf.ready();
  // The wasm module's Emscripten glue rethrows every uncaught error from its own listeners, so Node printed
  // the glue's one 30 kB source line before any error message of ours; Node's own handling prints just the error.
  events.forEach((e, i) => process.listeners(e).filter((l) => !before[i].includes(l)).forEach((l) => process.removeListener(e, l as never)));
  registerWasmTrainingKernels();
  return 'wasm';
}
