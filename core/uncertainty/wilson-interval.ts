/** Wilson score interval for a proportion of k in n (z = 1.96: 95%): how far a coverage measured on a
 *  few hundred cases can be from the true one. Well-behaved at 0 and n, unlike the normal approximation. */
export function wilsonInterval(k: number, n: number, z = 1.96): { lo: number; hi: number } {
  if (!(n > 0) || k < 0 || k > n) throw new Error(`wilsonInterval: need 0 ≤ k ≤ n and n > 0 (k ${k}, n ${n}).`);
  const p = k / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}
