/** Learning rate at a step: linear warm-up over the first 3% of steps, then cosine decay to 2% of the peak. */
export function cosineWithWarmup(step: number, totalSteps: number, peak: number): number {
  const warm = Math.max(1, Math.round(totalSteps * 0.03));
  if (step < warm) return (peak * (step + 1)) / warm;
  const t = Math.min(1, (step - warm) / Math.max(1, totalSteps - warm));
  return peak * (0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * t)));
}
