import type { WeightFile } from '../../core/model/types';

/** What the page measured for one weight shard it downloaded. */
export interface MeasuredWeight {
  path: string;
  bytes: number;
  /** Lower-case hex. */
  sha256: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Manifest paths are relative to model.json; "./x.bin" and "x.bin" name the same file. */
export function normaliseWeightPath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/** The card's `weights` entries that are well-formed, and a problem for each one that is not. */
function readCardWeights(cardWeights: unknown): { entries: WeightFile[]; problems: string[] } {
  if (!Array.isArray(cardWeights) || cardWeights.length === 0) {
    return { entries: [], problems: ['the model card lists no weight files (its "weights" list is missing or empty)'] };
  }
  const entries: WeightFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  cardWeights.forEach((w: Partial<WeightFile> | null, i) => {
    const ok =
      w !== null &&
      typeof w === 'object' &&
      typeof w.path === 'string' &&
      w.path !== '' &&
      Number.isInteger(w.bytes) &&
      (w.bytes as number) >= 0 &&
      typeof w.sha256 === 'string' &&
      SHA256_HEX.test(w.sha256);
    if (!ok) {
      const name = w && typeof w === 'object' && typeof w.path === 'string' && w.path ? w.path : `entry ${i + 1}`;
      problems.push(`the model card's entry for ${name} does not give a path, a byte count and a SHA-256`);
      return;
    }
    const path = normaliseWeightPath(w.path as string);
    if (seen.has(path)) {
      problems.push(`the model card lists ${path} more than once`);
      return;
    }
    seen.add(path);
    entries.push({ path, bytes: w.bytes as number, sha256: (w.sha256 as string).toLowerCase() });
  });
  return { entries, problems };
}

/** The card's weight files that may be downloaded before model.json confirms them: well-formed entries
 *  naming a plain file beside model.json (never a URL, a path into another folder, or `..`). */
export function prefetchableShards(cardWeights: unknown): string[] {
  return readCardWeights(cardWeights).entries.map((e) => e.path).filter((path) => /^[\w-][\w.-]*$/.test(path));
}

/** Do model.json's shard list and the card's weight list name exactly the same files?
 *  Checked before any shard is downloaded. Returns one sentence fragment per problem. */
export function checkWeightListing(manifestPaths: readonly string[], cardWeights: unknown): string[] {
  const { entries, problems } = readCardWeights(cardWeights);
  const listed = new Set(entries.map((e) => e.path));
  const inManifest = new Set<string>();
  if (manifestPaths.length === 0) problems.push('model.json lists no weight files');
  for (const raw of manifestPaths) {
    const path = normaliseWeightPath(raw);
    if (inManifest.has(path)) {
      problems.push(`model.json lists ${path} more than once`);
      continue;
    }
    inManifest.add(path);
    if (!listed.has(path) && entries.length > 0) problems.push(`${path} is not listed in its model card`);
  }
  for (const e of entries) {
    if (!inManifest.has(e.path)) problems.push(`${e.path} is listed in its model card but not in model.json`);
  }
  return problems;
}

/** Everything that is wrong with the downloaded shards, compared with the card (empty = all good). */
export function verifyWeights(manifestPaths: readonly string[], cardWeights: unknown, measured: readonly MeasuredWeight[]): string[] {
  const problems = checkWeightListing(manifestPaths, cardWeights);
  const expected = new Map(readCardWeights(cardWeights).entries.map((e) => [e.path, e]));
  const measuredByPath = new Map(measured.map((m) => [normaliseWeightPath(m.path), m]));
  const checked = new Set<string>();
  for (const raw of manifestPaths) {
    const path = normaliseWeightPath(raw);
    if (checked.has(path)) continue;
    checked.add(path);
    const want = expected.get(path);
    if (!want) continue; // already reported by the listing check
    const got = measuredByPath.get(path);
    if (!got) {
      problems.push(`${path} was not downloaded`);
    } else if (got.bytes !== want.bytes) {
      problems.push(`${path} is ${got.bytes} bytes but its model card says ${want.bytes} bytes (the file may be truncated, corrupted or replaced)`);
    } else if (got.sha256.toLowerCase() !== want.sha256) {
      problems.push(`${path} does not match the SHA-256 in its model card (the file may be corrupted or tampered with)`);
    }
  }
  return problems;
}

/** The sentence the page shows when the weights fail their check. */
export function integrityFailureMessage(modelName: string, problems: readonly string[]): string {
  return `Model "${modelName}" failed its integrity check: ${problems.join('; ')}. The model was not loaded.`;
}

/** The sentence the page shows when it cannot check the weights at all (no Web Crypto). */
export function insecureOriginMessage(modelName: string, origin: string): string {
  return (
    `Model "${modelName}" cannot be checked for integrity on an insecure origin (${origin}): ` +
    'the browser only provides Web Crypto (crypto.subtle) to secure pages. ' +
    'Serve the page over https or from localhost. The model was not loaded.'
  );
}

/** Lower-case hex of a digest. */
export function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
