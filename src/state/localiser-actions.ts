import { loadLocaliser } from '../inference/load-localiser';
import { useLocaliserStore } from './localiser-store';
import { useStore } from './store';

const set = useLocaliserStore.setState;
const get = useLocaliserStore.getState;

let following = false;
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
    if (s.current?.result && s.current.result !== prev.current?.result) void locateCurrent();
  });
  if (useStore.getState().phase === 'ready') void start(base);
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
  const current = useStore.getState().current;
  if (!localiser || !current?.result) return;
  if (get().regions?.seq === current.seq || inFlight === current.seq) return;
  inFlight = current.seq;
  set({ running: true, error: null });
  try {
    const t0 = performance.now();
    const boxes = await localiser.locate(current.image);
    const ms = performance.now() - t0;
    // A later file may have been opened while this ran: keep only boxes for the case on screen.
    if (useStore.getState().current?.seq === current.seq) set({ regions: { seq: current.seq, imageId: current.imageId, boxes, ms } });
  } catch (error) {
    console.error('Localisation failed:', error);
    set({ error: `Locating the TW regions failed: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    inFlight = null;
    set({ running: false });
  }
}
