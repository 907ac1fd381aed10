/** Learning rate at a step: linear warm-up over the first 3% of steps, then cosine decay to 2% of the peak. */
export function cosineWithWarmup(step: number, totalSteps: number, peak: number): number {
  const warm = Math.max(1, Math.round(totalSteps * 0.03));
  if (step < warm) return (peak * (step + 1)) / warm;
  const t = Math.min(1, (step - warm) / Math.max(1, totalSteps - warm));
  return peak * (0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * t)));
}

/** BoNet's schedule (Spampinato et al. 2017, §4.2): lr0 / (1 + decay · t), t = mini-batches done. */
export function inverseTimeDecay(step: number, lr0: number, decay = 2e-4): number {
  return lr0 / (1 + decay * step);
}
