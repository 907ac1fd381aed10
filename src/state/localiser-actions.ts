import { loadLocaliser } from '../inference/load-localiser';
import { useLocaliserStore } from './localiser-store';
import { useRoisStore } from './rois-store';
import { decodedImage } from '../viewer/image-loader';
import { currentCase, useStore } from './store';

const set = useLocaliserStore.setState;
const get = useLocaliserStore.getState;

let following = false;

function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}
/** The case being located now, so a second trigger for it does not start a second run. */
let inFlight: number | null = null;

/**
 * Runs the TW-region localiser beside the age model: loads it once the age model is ready (same backend),
 * then locates the regions after each estimate. Only follows the main store, so the age model's own flow
 * is untouched; a missing or broken localiser leaves the page as it was, with a note in its panel.
 */
export function followEstimates(base: string = document.baseURI): void {
  if (following) return;
  following = true;
  useStore.subscribe((s, prev) => {
    if (s.phase === 'ready' && prev.phase !== 'ready') void start(base);
    const now = currentCase(s);
    // After the result is painted: the regions are secondary and must not delay the bone age on screen.
    if (now?.result && now.result !== currentCase(prev)?.result) afterNextPaint(() => void locateCurrent());
  });
  if (useStore.getState().phase === 'ready') void start(base);
  // The learned-ROI table says which located region each top activation falls in (named by slot: MCP3, Radius…).
  useLocaliserStore.subscribe((s, prev) => {
    if (s.regions === prev.regions) return;
    useRoisStore.getState().setRegions(s.regions ? { seq: s.regions.seq, boxes: s.regions.boxes.map((b) => ({ label: b.slot.name, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 })) } : null);
  });
}

async function start(base: string): Promise<void> {
  if (get().phase !== 'idle') return;
  set({ phase: 'loading' });
  try {
    const localiser = await loadLocaliser(base);
    if (!localiser) {
      set({ phase: 'absent' });
      return;
    }
    set({ localiser, phase: 'ready' });
  } catch (error) {
    console.error('Localiser start-up failed:', error);
    set({ phase: 'failed', error: `The TW-region localiser could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  void locateCurrent();
}

async function locateCurrent(): Promise<void> {
  const localiser = get().localiser;
  const current = currentCase(useStore.getState());
  if (!localiser || !current?.result || !current.imageId) return;
  const imageId = current.imageId;
  if (get().regions?.seq === current.seq || inFlight === current.seq) return;
  inFlight = current.seq;
  set({ running: true, error: null });
  try {
    const t0 = performance.now();
    // The store keeps only the image header; the pixels come from the viewer's loader.
    const boxes = await localiser.locate(await decodedImage(imageId));
    const ms = performance.now() - t0;
    // A later file may have been opened while this ran: keep only boxes for the case on screen.
    if (currentCase(useStore.getState())?.seq === current.seq) set({ regions: { seq: current.seq, imageId, boxes, ms } });
  } catch (error) {
    console.error('Localisation failed:', error);
    set({ error: `Locating the TW regions failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    inFlight = null;
    set({ running: false });
  }
}
