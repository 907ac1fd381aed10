import { decodeImage } from '../../core/pipeline/decode';
import { decodePngInWorker } from '../decode-worker/png-worker-client';
import { preprocess } from '../../core/pipeline/preprocess';
import type { InputSpec } from '../../core/pipeline/types';
import { toCornerstoneImage } from '../viewer/to-cornerstone-image';

/** A 64×48 8-bit gray PNG (a generated pattern, nothing real). */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAAAAACEICPDAAAB50lEQVR4XpXSM5IoAAAE0fm2bdu2bdu2bdu2bdtY27ZtM96qCWZP8IJuoFDJCtXrNW3TudfAEeOnzV2yetPOA8fPXb3z+NXHH//NbF28gyIT0vMVLVO5VsMW7bv1HTJ60swFy9dt3XP41MUb95+9/QILezffkOikzALFy1Wt07hVxx79h42dMnvRyg3b9x09c/nWwxfvv/01sXbyDAiPS81TuFTFGvWbte3Se9DICdPnLV2zeddB6NZvI0sHd7/QmOSsgiXKV6vbpHWnngOGj4NunTh/7e6T159+GpjbufoERyVm5C9Wtkpt6NbUOYtXbdyx/9jZK7cfvfzw/Z+pjbNXYAR0q1HLDt37DR0zedbCFeu37T1y+tLNB8/ffYVuxaflLVK6Us0Gzdt17TN41MQZ85et3bL7EHTrj7GVo4d/WGxKjvLQrZMXrt97+ubzL8Mc5aFb/DLoFr8MusUvg27xy6Bb/DLoFr8MusUvg27xy6Bb/DLoFr8MusUvg27xy6Bb/DLoFr8MusUvg27xy6Bb/DLoFr8MusUvg27xy6Bb/DLoFr8MusUvg27xy6Bb/DLoFr8sFxa/DLrFL4Nu8cugW/wy6Ba/DLrFL4Nu8cugW/wy6Ba/DLrFL4Nu8cugW/wy6Ba/LBtGefFMkXS67gAAAABJRU5ErkJggg==';

/** The embedded PNG's bytes (exported for its test). */
export const TINY_PNG_FOR_TESTS = (): Uint8Array => Uint8Array.from(atob(TINY_PNG), (c) => c.charCodeAt(0));

/** Runs a tiny PNG through the page's own decode, preprocessing and viewer-image code at load, so the
 *  first real case does not pay the first-use costs (compiling that code, starting the native inflater). */
export async function warmUpPipeline(input: InputSpec): Promise<void> {
  const image = await decodeImage(TINY_PNG_FOR_TESTS(), 'warm-up.png');
  preprocess(image, input);
  toCornerstoneImage(image, 'boneage:warm-up');
}

/** Starts the PNG decode worker and runs the tiny PNG through it, so the first case finds the worker's
 *  script loaded and its inflater started. Call it early: it overlaps the model's start-up. */
export async function warmUpDecodeWorker(): Promise<void> {
  await decodePngInWorker(new Blob([TINY_PNG_FOR_TESTS() as Uint8Array<ArrayBuffer>]));
}
