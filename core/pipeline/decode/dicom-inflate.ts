import { Inflate } from 'fflate';
import { ImageDecodeError } from './errors';
import { MAX_PIXELS } from './pixel-budget';

/** Deflated Explicit VR Little Endian inflates to at most this: the largest image we accept at
 *  16 bits and 3 samples, plus room for the other elements. A bigger output is a deflate bomb. */
const MAX_INFLATED_BYTES = MAX_PIXELS * 6 + (64 << 20);

/** dicom-parser's inflater hook: the file meta group (before `position`) stays as it is, the rest
 *  is a raw deflate stream (PS3.5 A.5) inflated back into an Explicit VR Little Endian dataset. */
export function inflateDataset(bytes: Uint8Array, position: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) {
      throw new ImageDecodeError('too-large', 'This deflated DICOM file inflates to more data than any radiograph holds; it was not opened.');
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    inflater.push(bytes.subarray(position), true);
  } catch (thrown) {
    if (thrown instanceof ImageDecodeError) throw thrown;
    // fflate's error code 0 is "unexpected EOF": the stream stops mid-way.
    if ((thrown as { code?: number } | null)?.code === 0) throw cutOff();
    throw new ImageDecodeError('corrupt', 'The compressed (deflated) dataset of this DICOM file is damaged and could not be inflated.', { cause: thrown });
  }
  if (!ended) throw cutOff();
  const out = new Uint8Array(position + total);
  out.set(bytes.subarray(0, position), 0);
  let at = position;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const cutOff = () =>
  new ImageDecodeError('truncated', 'The compressed (deflated) dataset of this DICOM file ends too early; the file may have been cut off.');
