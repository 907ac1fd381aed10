/** Per-image zero-mean, unit-variance normalisation (BoNet paper §4.2). Makes the model
 *  indifferent to bit depth, rescale and overall exposure. A flat image maps to zeros. */
export function zscore(data: Float32Array): Float32Array {
  const n = data.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += data[i];
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (data[i] - mean) * (data[i] - mean);
  const std = Math.sqrt(sq / n);
  const inv = std > 1e-6 ? 1 / std : 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (data[i] - mean) * inv;
  return out;
}
